package dev.lectern.plugin.mlp;

import dev.lectern.plugin.api.InvalidParameterException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The hidden layers' widths, written as a comma list such as {@code 256} or {@code 10,10,10}; "none" is no hidden layer. */
final class HiddenLayers {

    static final int MAX_LAYERS = 8;
    static final int MAX_WIDTH = 4096;
    static final String NONE = "none";

    private HiddenLayers() {}

    /**
     * Parses and checks a list of widths.
     *
     * @param text "none", empty, or widths separated by commas
     * @return the widths, empty for no hidden layer
     * @throws InvalidParameterException naming {@code hiddenLayers} when the list is malformed or out of range
     */
    static int[] parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty() || NONE.equalsIgnoreCase(t)) {
            return new int[0];
        }
        String[] parts = t.split(",", -1);
        if (parts.length > MAX_LAYERS) {
            throw invalid("at most " + MAX_LAYERS + " hidden layers, got " + parts.length);
        }
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            try {
                widths[i] = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw invalid(
                        "must be widths separated by commas, such as 10,10,10; '" + p + "' is not a whole number");
            }
            if (widths[i] < 1 || widths[i] > MAX_WIDTH) {
                throw invalid("widths must be between 1 and " + MAX_WIDTH + ", got " + widths[i]);
            }
        }
        return widths;
    }

    static String format(int[] widths) {
        return widths.length == 0
                ? NONE
                : Arrays.stream(widths).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static InvalidParameterException invalid(String what) {
        return new InvalidParameterException(MlpParams.HIDDEN_LAYERS, "Hidden layers: " + what);
    }
}
