package dev.lectern.plugin.support;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Float arrays as comma-separated text, for the properties of a saved model (feature means and scales). */
public final class FloatText {

    private FloatText() {}

    /**
     * Writes values as text. {@code Float.toString} gives the shortest text that parses back to the same float, so
     * the values survive a save and load exactly.
     *
     * @param values the values
     * @return them, comma-separated; empty for none
     */
    public static String join(float[] values) {
        return IntStream.range(0, values.length)
                .mapToObj(i -> Float.toString(values[i]))
                .collect(Collectors.joining(","));
    }

    /**
     * Reads what {@link #join} wrote.
     *
     * @param text comma-separated floats, or empty
     * @return the values
     * @throws NumberFormatException when a part is not a number
     */
    public static float[] split(String text) {
        String[] parts = text.isEmpty() ? new String[0] : text.split(",");
        float[] values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Float.parseFloat(parts[i]);
        }
        return values;
    }
}
