package dev.lectern.datasets.gen;

import dev.lectern.plugin.api.Table;

/**
 * The lecture's XOR truth table: {@code (0,0) → 0}, {@code (0,1) → 1}, {@code (1,0) → 1}, {@code (1,1) → 0}.
 *
 * <p>No straight line puts both 1s on one side and both 0s on the other, so a linear model gets at most three of
 * the four rows right; a network with one hidden layer (two units and a non-linearity) gets all four.
 */
public final class Xor {

    /** The four rows, {@code x1, x2, y}, in the lecture's order. */
    private static final float[] TABLE = {
        0, 0, 0,
        0, 1, 1,
        1, 0, 1,
        1, 1, 0,
    };

    private Xor() {}

    /**
     * Returns the truth table.
     *
     * @return a new table with feature columns {@code x1}, {@code x2} and the label {@code y}
     */
    public static Table table() {
        return new Table(Blobs.columns("y"), 4, TABLE.clone());
    }
}
