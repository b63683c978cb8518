package dev.lectern.plugin.lstm;

/** Root-mean-square error, the lab's test metric. */
final class Rmse {

    static double of(double[] predicted, float[] truth) {
        if (truth.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            double d = predicted[i] - truth[i];
            sum += d * d;
        }
        return Math.sqrt(sum / truth.length);
    }

    /** The error of always predicting one value, such as the training mean. */
    static double ofConstant(double constant, float[] truth) {
        double[] predicted = new double[truth.length];
        java.util.Arrays.fill(predicted, constant);
        return of(predicted, truth);
    }

    private Rmse() {}
}
