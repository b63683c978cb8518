package dev.lectern.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Small IDX files, gzip streams and npm-style tarballs that tests write themselves. */
public final class TestFiles {

    private TestFiles() {}

    /**
     * Returns an IDX file of unsigned bytes.
     *
     * @param dims the dimensions
     * @param data the elements
     * @return the file's bytes
     */
    public static byte[] idx(int[] dims, byte[] data) {
        return idx(0x08, dims, data);
    }

    /**
     * Returns an IDX file with any element type code.
     *
     * @param type the element type code
     * @param dims the dimensions
     * @param data the elements
     * @return the file's bytes
     */
    public static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.put(data).array();
    }

    /**
     * Returns {@code count} images of {@code rows x cols} whose pixel {@code k} of image {@code i} is {@code i + k}.
     *
     * @param count the number of images
     * @param rows rows per image
     * @param cols columns per image
     * @return the IDX file's bytes
     */
    public static byte[] images(int count, int rows, int cols) {
        byte[] pixels = new byte[count * rows * cols];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < rows * cols; k++) {
                pixels[i * rows * cols + k] = (byte) (i + k);
            }
        }
        return idx(new int[] {count, rows, cols}, pixels);
    }

    /**
     * Returns a label file.
     *
     * @param labels the labels
     * @return the IDX file's bytes
     */
    public static byte[] labels(int... labels) {
        byte[] l = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            l[i] = (byte) labels[i];
        }
        return idx(new int[] {labels.length}, l);
    }

    /**
     * Gzips bytes.
     *
     * @param raw the bytes
     * @return the gzip stream
     */
    public static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Returns a gzip'd ustar archive, as {@code npm pack} writes, holding the entries in order.
     *
     * @param entries entry name to content
     * @return the {@code .tgz} bytes
     */
    public static byte[] tgz(Map<String, byte[]> entries) {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entries.forEach((name, content) -> {
            byte[] h = new byte[512];
            put(h, 0, name);
            put(h, 100, "0000644");
            put(h, 108, "0000000");
            put(h, 116, "0000000");
            put(h, 124, String.format("%011o", content.length));
            put(h, 136, "00000000000");
            for (int i = 148; i < 156; i++) {
                h[i] = ' ';
            }
            h[156] = '0';
            put(h, 257, "ustar");
            put(h, 263, "00");
            int sum = 0;
            for (byte x : h) {
                sum += x & 0xff;
            }
            put(h, 148, String.format("%06o", sum));
            h[155] = ' ';
            tar.writeBytes(h);
            tar.writeBytes(content);
            tar.writeBytes(new byte[(512 - content.length % 512) % 512]);
        });
        tar.writeBytes(new byte[1024]);
        return gzip(tar.toByteArray());
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, offset, b.length);
    }
}
