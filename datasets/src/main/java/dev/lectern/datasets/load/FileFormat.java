package dev.lectern.datasets.load;

import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.TrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * Reads a data set made of several verified files, in the order its spec lists them. Single-file formats
     * need not override this: one file is passed to {@link #read(Path, DatasetInfo)}.
     *
     * @param files the files, already checksum-verified
     * @param info the data set's metadata
     * @return the loaded data
     * @throws DatasetFormatException when the content does not match the format
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException when the format reads one file and is given several
     */
    default TrainingData read(List<Path> files, DatasetInfo info) throws IOException {
        if (files.size() != 1) {
            throw new IllegalArgumentException(
                    "data set '" + info.id() + "' is read from one file, got " + files.size());
        }
        return read(files.get(0), info);
    }
}
