package dev.lectern.datasets.load;

import dev.lectern.plugin.api.ImageSet;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format MNIST is published in, raw or gzip'd.
 *
 * <p>An IDX file is a 4-byte magic number (two zero bytes, the element type, the number of dimensions), each
 * dimension as a big-endian 32-bit integer, then the elements in row-major order. Only unsigned bytes (type
 * {@code 0x08}) are read: that is what image and label files hold, and it lets the whole data part go into one
 * {@code byte[]} with a single bulk read (60 000 MNIST images take a few tens of milliseconds from the page cache).
 *
 * <p>Nothing is guessed: a wrong magic number, another element type, a file shorter or longer than its header
 * promises, and images and labels of different counts are all errors whose message starts with the file's name.
 */
public final class IdxReader {

    /** The element type code of unsigned bytes. */
    public static final int UNSIGNED_BYTE = 0x08;

    private static final int GZIP_BUFFER = 64 * 1024;

    private IdxReader() {}

    /**
     * The content of one IDX file.
     *
     * @param dims the dimensions, outermost first (for images: count, rows, columns)
     * @param data the elements, row-major, as unsigned bytes
     */
    public record IdxData(int[] dims, byte[] data) {

        /**
         * Returns the outermost dimension, the number of items.
         *
         * @return the count
         */
        public int count() {
            return dims[0];
        }
    }

    /**
     * Reads images and their labels into one set.
     *
     * @param images an IDX file of unsigned bytes with three dimensions: count, rows, columns
     * @param labels an IDX file of unsigned bytes with one dimension: count
     * @param classNames the name of each class; every label must be below its size
     * @return the images
     * @throws DatasetFormatException when either file is malformed, the counts differ or a label is out of range
     * @throws IOException when a file cannot be read
     */
    public static ImageSet readImages(Path images, Path labels, List<String> classNames) throws IOException {
        IdxData pixels = read(images, 3);
        IdxData classes = read(labels, 1);
        if (pixels.count() != classes.count()) {
            throw error(
                    images,
                    "holds " + pixels.count() + " images but " + labels.getFileName() + " holds " + classes.count()
                            + " labels; the counts must match");
        }
        byte[] l = classes.data();
        for (int i = 0; i < l.length; i++) {
            if (Byte.toUnsignedInt(l[i]) >= classNames.size()) {
                throw error(
                        labels,
                        "label " + Byte.toUnsignedInt(l[i]) + " of item " + i + " is outside 0.."
                                + (classNames.size() - 1));
            }
        }
        return new ImageSet(pixels.count(), pixels.dims()[1], pixels.dims()[2], pixels.data(), l, classNames);
    }

    /**
     * Reads an IDX file of unsigned bytes, raw or gzip'd (recognised by its first two bytes, {@code 1f 8b}).
     *
     * @param file the file
     * @param expectedDims the number of dimensions it must have (3 for images, 1 for labels)
     * @return its dimensions and elements
     * @throws DatasetFormatException when the file is malformed, naming the file and the fault
     * @throws IOException when the file cannot be read
     */
    public static IdxData read(Path file, int expectedDims) throws IOException {
        try (PushbackInputStream raw = new PushbackInputStream(Files.newInputStream(file), 2)) {
            byte[] start = raw.readNBytes(2);
            raw.unread(start);
            boolean gzip = start.length == 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b;
            if (!gzip) {
                return read(file, raw, expectedDims, Files.size(file));
            }
            try (InputStream in = new GZIPInputStream(raw, GZIP_BUFFER)) {
                return read(file, in, expectedDims, -1);
            } catch (ZipException | EOFException e) {
                // The JDK's messages ("Unexpected end of ZLIB input stream") do not say which file or what it means.
                throw error(file, "the gzip data is damaged or truncated (" + e.getMessage() + ")");
            }
        }
    }

    // fileSize is the raw file's length, so that a short file is refused before a large array is allocated; -1 for
    // gzip.
    private static IdxData read(Path file, InputStream in, int expectedDims, long fileSize) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw error(file, "truncated: " + magic.length + " bytes, too short for the 4-byte magic number");
        }
        int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDims;
        if (magic[0] != 0 || magic[1] != 0) {
            throw error(
                    file,
                    "bad magic number " + hex(magic) + "; expected "
                            + String.format(Locale.ROOT, "0x%08X", expectedMagic)
                            + " (an IDX file starts with two zero bytes)");
        }
        int type = magic[2] & 0xff;
        if (type != UNSIGNED_BYTE) {
            throw error(
                    file,
                    "wrong element type 0x" + String.format(Locale.ROOT, "%02X", type) + " (" + typeName(type)
                            + ") in magic number " + hex(magic) + "; only unsigned bytes (0x08) are read");
        }
        int ndims = magic[3] & 0xff;
        if (ndims != expectedDims) {
            throw error(
                    file,
                    "bad magic number " + hex(magic) + ": " + ndims + " dimension(s), expected "
                            + String.format(Locale.ROOT, "0x%08X", expectedMagic) + " (" + expectedDims + ": "
                            + (expectedDims == 1 ? "labels" : "images") + ")");
        }
        byte[] header = in.readNBytes(4 * ndims);
        if (header.length < 4 * ndims) {
            throw error(file, "truncated: the file ends inside its header of " + ndims + " dimension(s)");
        }
        int[] dims = new int[ndims];
        long elements = 1;
        for (int i = 0; i < ndims; i++) {
            dims[i] = ((header[4 * i] & 0xff) << 24)
                    | ((header[4 * i + 1] & 0xff) << 16)
                    | ((header[4 * i + 2] & 0xff) << 8)
                    | (header[4 * i + 3] & 0xff);
            if (dims[i] < 0 || (i > 0 && dims[i] == 0)) {
                throw error(file, "dimension " + (i + 1) + " is " + dims[i]);
            }
            elements *= dims[i];
            if (elements > Integer.MAX_VALUE - 16) {
                throw error(
                        file,
                        "dimensions " + Arrays.toString(Arrays.copyOf(dims, i + 1)) + " are too large for one array");
            }
        }
        long headerBytes = 4 + 4L * ndims;
        if (fileSize >= 0 && fileSize - headerBytes != elements) {
            throw sizeError(file, dims, elements, fileSize - headerBytes);
        }
        byte[] data = new byte[(int) elements];
        int n = in.readNBytes(data, 0, data.length);
        if (n < data.length) {
            throw sizeError(file, dims, elements, n);
        }
        if (in.read() >= 0) {
            throw sizeError(file, dims, elements, elements + 1 + in.transferTo(OutputStream.nullOutputStream()));
        }
        return new IdxData(dims, data);
    }

    private static DatasetFormatException sizeError(Path file, int[] dims, long promised, long found) {
        String shape =
                Arrays.toString(dims).replace(", ", " x ").replace("[", "").replace("]", "");
        if (found < promised) {
            return error(
                    file,
                    "truncated: the header promises " + promised + " bytes of data (" + shape
                            + "), the file holds only " + found);
        }
        return error(
                file,
                "the header promises " + promised + " bytes of data (" + shape + ") but the file holds " + found + "; "
                        + (found - promised) + " extra bytes");
    }

    private static DatasetFormatException error(Path file, String problem) {
        return new DatasetFormatException(String.valueOf(file.getFileName()), 0, 0, problem);
    }

    private static String hex(byte[] magic) {
        return String.format(Locale.ROOT, "0x%02X%02X%02X%02X", magic[0], magic[1], magic[2], magic[3]);
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "unknown";
        };
    }
}
