/**
 * Parsers that turn verified data set files into the plugin API's in-memory types.
 *
 * <p>Parsers are strict on purpose: a data set that a lecture trains on must be exactly the file the
 * catalog describes, and a user's upload must fail with the line and column at fault rather than train on
 * silently skipped or zero-filled cells. Each file shape is a {@link dev.lectern.datasets.load.FileFormat};
 * {@link dev.lectern.datasets.load.CsvFormat} is the numeric-table one, and
 * {@link dev.lectern.datasets.load.IdxImagesFormat} reads labelled images (MNIST) from four IDX files with
 * {@link dev.lectern.datasets.load.IdxReader}. {@link dev.lectern.datasets.load.CsvUpload}
 * checks a file a person uploaded (text, header, label column) before the same parser reads it.
 */
package dev.lectern.datasets.load;
