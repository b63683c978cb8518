package dev.lectern.datasets;

/**
 * An id that names no data set in the catalog.
 *
 * <p>It is unchecked because it is the caller's mistake, one the server should catch while validating a
 * request (and answer with 404) rather than after queueing a run.
 */
public class UnknownDatasetException extends IllegalArgumentException {

    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /** The id that names no data set. */
    private final String datasetId;

    /**
     * Creates the exception.
     *
     * @param datasetId the id that was not found
     */
    public UnknownDatasetException(String datasetId) {
        super("unknown data set '" + datasetId + "'");
        this.datasetId = datasetId;
    }

    /**
     * Returns the id that was not found.
     *
     * @return the id
     */
    public String datasetId() {
        return datasetId;
    }
}
