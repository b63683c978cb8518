package dev.lectern.plugin.support;

import java.util.Random;

/** The order in which an epoch visits the training rows. */
public final class BatchOrder {

    private BatchOrder() {}

    /**
     * Returns a Fisher–Yates shuffle of 0..n−1 drawn from the run's generator, so the seed fixes the batch order.
     *
     * @param n how many rows
     * @param random the run's generator
     * @return the row indices in the order to visit them
     */
    public static long[] shuffled(int n, Random random) {
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
