package dev.lectern.datasets.load;

import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.TrainingData;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How a data set file is laid out, and how to read it into training data.
 *
 * <p>The format, not the caller, decides what kind of {@link TrainingData} comes out, so that text or
 * image formats can be added beside {@link CsvFormat} without touching the catalog or the resolver.
 */
public interface FileFormat {

    /**
     * Reads a verified file.
     *
     * @param file the file, already checksum-verified
     * @param info the data set's metadata; table formats take their columns from it
     * @return the loaded data
     * @throws DatasetFormatException when the content does not match the format
     * @throws IOException when the file cannot be read
     */
    TrainingData read(Path file, DatasetInfo info) throws IOException;
}
