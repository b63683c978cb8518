package dev.lectern.plugin.charrnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The encoded text on the device, laid out for truncated backpropagation through time: the text is cut into
 * {@code B} equal streams that are read side by side, so column {@code b} of the {@code [L, B]} input matrix is the
 * {@code b}-th stream and row {@code t} is time step {@code t} of every stream. A training window is {@code T}
 * consecutive rows, one slice of a resident array; the target of every input character is the next character of the
 * same stream. Because window {@code w + 1} continues exactly where window {@code w} stopped in every stream, the
 * hidden state can be carried from one window to the next.
 */
final class CorpusWindows implements AutoCloseable {

    private final NDArray inputs;
    private final NDArray targets;
    private final int streams;
    private final int streamLength;
    private final int window;

    /**
     * Lays out a text.
     *
     * @param manager where the arrays live
     * @param text the encoded text, at least two characters
     * @param batch the wished number of streams, reduced so that every stream holds at least one window
     * @param window T, the BPTT length, reduced to the stream length when the text is short
     */
    CorpusWindows(NDManager manager, long[] text, int batch, int window) {
        int pairs = text.length - 1;
        if (pairs < 1) {
            throw new IllegalArgumentException("the text must have at least two characters");
        }
        this.window = Math.min(window, pairs);
        this.streams = Math.max(1, Math.min(batch, pairs / this.window));
        this.streamLength = pairs / streams;
        long[] in = new long[streamLength * streams];
        long[] out = new long[in.length];
        for (int b = 0; b < streams; b++) {
            int start = b * streamLength;
            for (int t = 0; t < streamLength; t++) {
                in[t * streams + b] = text[start + t];
                out[t * streams + b] = text[start + t + 1];
            }
        }
        this.inputs = manager.create(in, new Shape(streamLength, streams));
        this.targets = manager.create(out, new Shape(streamLength, streams));
    }

    /** B, the number of streams trained side by side. */
    int streams() {
        return streams;
    }

    /** T, the number of time steps backpropagated through. */
    int window() {
        return window;
    }

    /** The number of windows in one pass over the text; the last may be shorter. */
    int windowsPerPass() {
        return (streamLength + window - 1) / window;
    }

    /** The input characters of window {@code w}, {@code [T, B]} indices. */
    NDArray inputs(int w) {
        return inputs.get(range(w));
    }

    /** The target characters of window {@code w}, {@code [T, B]} indices. */
    NDArray targets(int w) {
        return targets.get(range(w));
    }

    private NDIndex range(int w) {
        int from = w * window;
        return new NDIndex("{}:{}", from, Math.min(streamLength, from + window));
    }

    @Override
    public void close() {
        inputs.close();
        targets.close();
    }
}
