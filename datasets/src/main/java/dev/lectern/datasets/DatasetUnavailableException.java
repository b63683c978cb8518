package dev.lectern.datasets;

import java.io.IOException;
import java.util.List;

/**
 * No source could supply a verified copy of a data set's file.
 *
 * <p>The message names the data set and every source tried with the reason it failed, so that the person
 * running the workbench can tell a missing mirror setting from a blocked network or a changed upstream
 * file without reading logs.
 */
public class DatasetUnavailableException extends IOException {

    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /** The data set that could not be fetched. */
    private final String datasetId;
    /** The sources tried, each with its reason. */
    private final List<String> attempts;

    /**
     * Creates the exception.
     *
     * @param datasetId the data set's id
     * @param attempts one entry per source, such as {@code cache /y/ex1data1.txt (missing)}
     */
    public DatasetUnavailableException(String datasetId, List<String> attempts) {
        super("data set '" + datasetId + "' is not available; tried: " + String.join(", ", attempts));
        this.datasetId = datasetId;
        this.attempts = List.copyOf(attempts);
    }

    /**
     * Creates the exception for a data set with one source only, such as an uploaded file.
     *
     * @param datasetId the data set's id
     * @param reason why its file cannot be used, such as {@code its file x.csv is missing}
     */
    public DatasetUnavailableException(String datasetId, String reason) {
        super("data set '" + datasetId + "' is not available: " + reason);
        this.datasetId = datasetId;
        this.attempts = List.of(reason);
    }

    /**
     * Returns the data set's id.
     *
     * @return the id
     */
    public String datasetId() {
        return datasetId;
    }

    /**
     * Returns the sources tried, in order, each with why it failed.
     *
     * @return the attempts
     */
    public List<String> attempts() {
        return attempts;
    }
}
