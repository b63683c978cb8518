package dev.lectern.server.metrics;

import dev.lectern.server.store.Jdbc;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a coarse copy of every long curve: each group of {@link #GROUP} consecutive points (in step order) becomes one
 * row holding its first, lowest, highest and last point. A chart of at most {@code maxPoints} points is then drawn from
 * the groups when the curve is long, reading 1/{@value #GROUP} of its rows; the shape survives, since every group's
 * lowest and highest point are among those read, so no spike or dip is lost.
 *
 * <p>The groups are derived from the points table alone (what is rolled is recorded as {@code rolled_step} and
 * {@code rolled_points} in {@code metric_summaries}), so nothing is lost when the server stops mid-run: the points
 * after the last group are read raw, and runs from before this table are rolled up the first time a chart needs it. A
 * point reported later for a step at or below {@code rolled_step} stays in the raw curve but not in the groups.
 */
final class CurveRollups {

    /** Points per group: reading groups instead of points costs 1/32 of the rows and keeps 4 of every 32 points. */
    static final int GROUP = 32;
    /** Groups are read instead of points when the curve has this many times the requested points (no detail lost). */
    static final int USE_FACTOR = GROUP / 4;

    /** Lock stripes: the sink's flush and a chart's first read may both roll a run up; one at a time per run. */
    private static final int STRIPES = 64;

    private final Jdbc jdbc;
    private final Object[] locks = new Object[STRIPES];

    CurveRollups(Jdbc jdbc) {
        this.jdbc = jdbc;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Reads one metric's raw points with a step above {@code afterStep}, in step order. */
    static List<double[]> rawPoints(Jdbc jdbc, long experimentId, String name, long afterStep) {
        List<double[]> points = new ArrayList<>();
        jdbc.query(
                "SELECT step, metric_value FROM metrics WHERE experiment_id = ? AND name = ? AND step > ? ORDER BY step",
                rs -> points.add(new double[] {rs.getLong(1), rs.getDouble(2)}),
                experimentId,
                name,
                afterStep);
        return points;
    }

    /** Rolls up the complete groups of one metric's points not yet rolled up. */
    void rollUp(long experimentId, String name) {
        synchronized (locks[(int) Math.floorMod(experimentId, (long) STRIPES)]) {
            List<long[]> state = jdbc.query(
                    "SELECT rolled_step, points - rolled_points FROM metric_summaries "
                            + "WHERE experiment_id = ? AND name = ?",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                    experimentId,
                    name);
            if (state.isEmpty() || state.get(0)[1] < GROUP) {
                return;
            }
            long after = state.get(0)[0];
            List<double[]> points = rawPoints(jdbc, experimentId, name, after);
            int complete = points.size() / GROUP * GROUP;
            if (complete == 0) {
                return;
            }
            List<Object[]> rows = new ArrayList<>(complete / GROUP);
            for (int from = 0; from < complete; from += GROUP) {
                int[] extremes = MinMaxDownsampler.extremes(points, from, from + GROUP);
                double[] first = points.get(from);
                double[] early = points.get(Math.min(extremes[0], extremes[1]));
                double[] late = points.get(Math.max(extremes[0], extremes[1]));
                double[] last = points.get(from + GROUP - 1);
                rows.add(new Object[] {
                    experimentId,
                    name,
                    (long) first[0],
                    first[1],
                    (long) early[0],
                    early[1],
                    (long) late[0],
                    late[1],
                    (long) last[0],
                    last[1]
                });
            }
            jdbc.batch(
                    "INSERT INTO metric_rollups (experiment_id, name, first_step, first_value, early_step, early_value, "
                            + "late_step, late_value, last_step, last_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows);
            jdbc.update(
                    "UPDATE metric_summaries SET rolled_step = ?, rolled_points = rolled_points + ? "
                            + "WHERE experiment_id = ? AND name = ?",
                    (long) points.get(complete - 1)[0],
                    complete,
                    experimentId,
                    name);
        }
    }

    /** Whether a curve of this many points is drawn from its groups for a chart of at most {@code maxPoints}. */
    static boolean isLong(long totalPoints, int maxPoints) {
        return totalPoints >= (long) USE_FACTOR * Math.max(4, maxPoints);
    }

    /**
     * Reads a long curve for a chart of at most {@code maxPoints} points from its groups and its raw tail, rolling it
     * up first where that was not done yet (a run from before this table).
     */
    List<double[]> read(long experimentId, String name, int maxPoints) {
        rollUp(experimentId, name);
        List<double[]> points = new ArrayList<>();
        long[] rolledStep = {Long.MIN_VALUE};
        jdbc.query(
                "SELECT first_step, first_value, early_step, early_value, late_step, late_value, last_step, last_value "
                        + "FROM metric_rollups WHERE experiment_id = ? AND name = ? ORDER BY last_step",
                rs -> {
                    double[] previous = null;
                    for (int c = 1; c <= 7; c += 2) {
                        double[] p = {rs.getLong(c), rs.getDouble(c + 1)};
                        if (previous == null || p[0] != previous[0]) {
                            points.add(p);
                        }
                        previous = p;
                    }
                    rolledStep[0] = rs.getLong(7);
                    return null;
                },
                experimentId,
                name);
        points.addAll(rawPoints(jdbc, experimentId, name, rolledStep[0]));
        return MinMaxDownsampler.downsample(points, maxPoints);
    }
}
