package dev.lectern.datasets.load;

import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.TrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The layout of a numeric delimited text file.
 *
 * @param delimiter the character between cells, such as {@code ','}
 * @param commentPrefix lines starting with this (after leading blanks) are skipped; empty for none
 * @param hasHeader whether the first line that is neither blank nor a comment holds column names
 */
public record CsvFormat(char delimiter, String commentPrefix, boolean hasHeader) implements FileFormat {

    /** Comma-separated, {@code #} comments, no header: the layout of every built-in lecture file. */
    public static final CsvFormat DEFAULT = new CsvFormat(',', "#", false);

    /** Checks the fields. */
    public CsvFormat {
        Objects.requireNonNull(commentPrefix, "commentPrefix");
        if (delimiter == '\r' || delimiter == '\n' || delimiter == '"') {
            throw new IllegalArgumentException("unsupported delimiter " + (int) delimiter);
        }
    }

    /**
     * Returns this format with a header line.
     *
     * @return a copy whose {@code hasHeader} is true
     */
    public CsvFormat withHeader() {
        return new CsvFormat(delimiter, commentPrefix, true);
    }

    /**
     * Returns whether a line is a comment in this format.
     *
     * @param line a line without its line ending
     * @return true when the line is to be skipped as a comment
     */
    public boolean isComment(String line) {
        return !commentPrefix.isEmpty() && line.stripLeading().startsWith(commentPrefix);
    }

    @Override
    public TrainingData read(Path file, DatasetInfo info) throws IOException {
        return TrainingData.of(info, CsvLoader.load(file, this, info.id(), info.columns()));
    }
}
