package dev.lectern.plugin.support;

/** Class labels as the int64 arrays DJL's one-hot and indexing ops take. */
public final class Labels {

    private Labels() {}

    /**
     * Widens labels to longs.
     *
     * @param labels class indices
     * @return the same values as longs
     */
    public static long[] longs(int[] labels) {
        long[] out = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i];
        }
        return out;
    }

    /**
     * Widens byte labels, such as MNIST's, to longs; bytes are read as unsigned (0..255).
     *
     * @param labels class indices, one byte each
     * @return the same values as longs
     */
    public static long[] longs(byte[] labels) {
        long[] out = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] & 0xFF;
        }
        return out;
    }
}
