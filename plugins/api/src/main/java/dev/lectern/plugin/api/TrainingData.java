package dev.lectern.plugin.api;

/**
 * The data set a run trains on, already fetched, verified and loaded.
 *
 * <p>Accessors for kinds other than the data set's own throw {@link UnsupportedOperationException};
 * the workbench only passes a plugin the kinds it declared in {@link LecturePlugin#datasetKinds()}.
 */
public interface TrainingData {

    /**
     * Returns the data set's metadata.
     *
     * @return the metadata
     */
    DatasetInfo info();

    /**
     * Returns the data as a numeric table.
     *
     * @return the table
     * @throws UnsupportedOperationException when the data set is not a table
     */
    default Table table() {
        throw new UnsupportedOperationException("data set '" + info().id() + "' is " + info().kind() + ", not TABLE");
    }

    /**
     * Returns the data as labelled images with a training and a test part.
     *
     * @return the images
     * @throws UnsupportedOperationException when the data set is not an image set
     */
    default LabelledImages images() {
        throw new UnsupportedOperationException("data set '" + info().id() + "' is " + info().kind() + ", not IMAGES");
    }

    /**
     * Wraps loaded images.
     *
     * @param info the data set's metadata
     * @param images the images
     * @return training data backed by the images
     */
    static TrainingData of(DatasetInfo info, LabelledImages images) {
        return new TrainingData() {
            @Override
            public DatasetInfo info() {
                return info;
            }

            @Override
            public LabelledImages images() {
                return images;
            }
        };
    }

    /**
     * Wraps a loaded table.
     *
     * @param info the table's metadata
     * @param table the table
     * @return training data backed by the table
     */
    static TrainingData of(DatasetInfo info, Table table) {
        return new TrainingData() {
            @Override
            public DatasetInfo info() {
                return info;
            }

            @Override
            public Table table() {
                return table;
            }
        };
    }
}
