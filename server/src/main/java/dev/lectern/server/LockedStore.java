package dev.lectern.server;

import dev.lectern.server.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A node's data directory, locked for this JVM, and its database, migrated: what a web node and a worker both open
 * first, in this order, so a second process on the same directory is refused before it touches the database.
 *
 * @param lock the data directory's lock
 * @param database the open database
 */
public record LockedStore(DataDirectoryLock lock, Database database) implements AutoCloseable {

    /**
     * Creates the data directory if needed, locks it and opens the database.
     *
     * @param dataDir the data directory
     * @param jdbcUrl the database URL
     * @return both, open
     * @throws DataDirectoryLock.DataDirectoryInUseException when another Lectern holds the directory
     */
    public static LockedStore open(Path dataDir, String jdbcUrl) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
        try {
            return new LockedStore(lock, Database.open(jdbcUrl));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Closes the database, then releases the directory. */
    @Override
    public void close() {
        database.close();
        lock.close();
    }
}
