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
     * Returns the data as one text, such as a corpus for a character language model. Since API 1.1.
     *
     * @return the text
     * @throws UnsupportedOperationException when the data set is not text
     */
    default String text() {
        throw new UnsupportedOperationException("data set '" + info().id() + "' is " + info().kind() + ", not TEXT");
    }

    /**
     * Wraps a loaded text. Since API 1.1.
     *
     * @param info the data set's metadata
     * @param text the text
     * @return training data backed by the text
     */
    static TrainingData ofText(DatasetInfo info, String text) {
        java.util.Objects.requireNonNull(text, "text");
        return new TrainingData() {
            @Override
            public DatasetInfo info() {
                return info;
            }

            @Override
            public String text() {
                return text;
            }
        };
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
