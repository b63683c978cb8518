package dev.lectern.server.compare;

import dev.lectern.server.http.Formats;
import dev.lectern.web.page.ComparePage.ColorKey;
import dev.lectern.web.page.ComparePage.CompareColors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Colours the compared runs' curves by one hyperparameter ({@code colorBy=learningRate} on /compare): runs with the
 * same value share a colour. Numbers go on an ordered scale (dark blue for the smallest, through purple and crimson,
 * to orange for the largest), spread by rank, since values such as learning rates are often a factor of ten apart;
 * text and true/false values get distinct colours. Every colour stands out from the charts' white and the page's
 * background by at least 3:1 (WCAG 1.4.11), which rules out the light ends of the usual scales.
 */
public final class CurveColors {

    /** The ordered scale's stops, smallest value first; colours between are mixed in sRGB. */
    static final List<String> SCALE = List.of("#1b2a80", "#6a2a9c", "#b02a6e", "#c25e00");

    /** Distinct colours for values that are not numbers. */
    static final List<String> CATEGORIES =
            List.of("#2f6690", "#c0562f", "#3a7d44", "#7d5ba6", "#8a6a10", "#2a7f7b", "#b3476b");

    /** Runs without the parameter. */
    static final String MISSING = "#5c6770";

    static final String NOT_SET = "not set";

    private CurveColors() {}

    /**
     * The colours of some runs by one of their hyperparameters.
     *
     * @param param the hyperparameter
     * @param values each run's value of it (null where a run lacks it), in the runs' order
     * @return the legend and each run's colour
     */
    public static CompareColors of(String param, List<Object> values) {
        boolean ordered = values.stream().anyMatch(v -> v != null)
                && values.stream().allMatch(v -> v == null || v instanceof Number);
        // Each distinct value, in order: numbers by size, text by code point.
        Comparator<Object> order = ordered
                ? Comparator.comparingDouble(v -> ((Number) v).doubleValue())
                : Comparator.comparing(String::valueOf);
        Map<Object, Integer> counts = new TreeMap<>(order);
        int missing = 0;
        for (Object v : values) {
            if (v == null) {
                missing++;
            } else {
                counts.merge(ordered ? v : String.valueOf(v), 1, Integer::sum);
            }
        }
        // Ordered by the same comparison, so that 300 and 300.0 are one value.
        Map<Object, String> colorOf = new TreeMap<>(order);
        List<ColorKey> legend = new ArrayList<>();
        int n = counts.size();
        int i = 0;
        for (Map.Entry<Object, Integer> e : counts.entrySet()) {
            String color = ordered ? onScale(n == 1 ? 0 : (double) i / (n - 1)) : CATEGORIES.get(i % CATEGORIES.size());
            colorOf.put(e.getKey(), color);
            legend.add(new ColorKey(Formats.number(e.getKey()), color, e.getValue()));
            i++;
        }
        if (missing > 0) {
            legend.add(new ColorKey(NOT_SET, MISSING, missing));
        }
        List<String> runColors = values.stream()
                .map(v -> v == null ? MISSING : colorOf.get(ordered ? v : String.valueOf(v)))
                .toList();
        return new CompareColors(param, ordered, legend, runColors);
    }

    /** The colour at a place on the ordered scale, from 0 (smallest) to 1 (largest). */
    static String onScale(double t) {
        double x = Math.max(0, Math.min(1, t)) * (SCALE.size() - 1);
        int k = Math.min((int) Math.floor(x), SCALE.size() - 2);
        double f = x - k;
        int a = Integer.parseInt(SCALE.get(k).substring(1), 16);
        int b = Integer.parseInt(SCALE.get(k + 1).substring(1), 16);
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double ca = a >> shift & 255;
            double cb = b >> shift & 255;
            rgb |= (int) Math.round(ca + (cb - ca) * f) << shift;
        }
        return String.format(Locale.ROOT, "#%06x", rgb);
    }
}
