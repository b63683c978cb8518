package dev.lectern.server.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Thins a curve to a few thousand points for drawing while keeping its shape: the points are cut into buckets of
 * consecutive steps, and each bucket keeps its first and last point and its lowest and highest one (M4 aggregation).
 * Unlike keeping every n-th point, a spike or a dip is never dropped, so a divergence or the best epoch stays
 * visible however long the run.
 */
public final class MinMaxDownsampler {

    private MinMaxDownsampler() {}

    /**
     * Downsamples {@code [step, value]} points given in step order.
     *
     * @param points the points, in step order
     * @param maxPoints the most points to return; at least 4
     * @return the kept points in step order; the input itself when it is short enough
     */
    public static List<double[]> downsample(List<double[]> points, int maxPoints) {
        int limit = Math.max(4, maxPoints);
        if (points.size() <= limit) {
            return points;
        }
        int buckets = limit / 4;
        List<double[]> out = new ArrayList<>(buckets * 4);
        int n = points.size();
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            if (from >= to) {
                continue;
            }
            int[] extremes = extremes(points, from, to);
            int min = extremes[0];
            int max = extremes[1];
            int[] keep = {from, Math.min(min, max), Math.max(min, max), to - 1};
            int previous = -1;
            for (int index : keep) {
                if (index != previous) {
                    out.add(points.get(index));
                    previous = index;
                }
            }
        }
        return out;
    }

    /**
     * Finds the lowest and the highest point of {@code points[from, to)}.
     *
     * @return their indices: {lowest, highest}
     */
    static int[] extremes(List<double[]> points, int from, int to) {
        int min = from;
        int max = from;
        for (int i = from + 1; i < to; i++) {
            double v = points.get(i)[1];
            // NaN is neither smaller nor larger: a diverged point is kept only as a first or last point.
            if (v < points.get(min)[1] || Double.isNaN(points.get(min)[1])) {
                min = i;
            }
            if (v > points.get(max)[1] || Double.isNaN(points.get(max)[1])) {
                max = i;
            }
        }
        return new int[] {min, max};
    }
}
