-- Who uploaded a data set; null for uploads made without accounts. A student's upload is theirs (and their
-- teacher's) to see and train on; a teacher's is class material, open to everyone.
ALTER TABLE uploaded_datasets ADD COLUMN owner VARCHAR(100);
