package dev.lectern.plugin.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A declared parameter: a hyperparameter of training or an input field of prediction.
 *
 * <p>The workbench builds forms from these declarations and checks every submitted value with
 * {@link #parse(Object)} before a plugin sees it. Build instances with the static factories.
 *
 * @param name camelCase name used in the JSON API and in forms, such as {@code learningRate}
 * @param label short human label
 * @param type the value type
 * @param defaultValue the value used when none is given ({@link Integer}, {@link Double}, {@link String}
 *     or {@link Boolean} by type)
 * @param min smallest allowed value for numbers, or {@code null}
 * @param max largest allowed value for numbers, or {@code null}
 * @param choices allowed values for {@link ParamType#CHOICE}, empty otherwise
 * @param help one or two sentences shown beside the field
 */
public record ParamSpec(
        String name,
        String label,
        ParamType type,
        Object defaultValue,
        Double min,
        Double max,
        List<String> choices,
        String help) {

    /**
     * Creates the record and checks its fields.
     *
     * @param name camelCase name used in the JSON API and in forms, such as {@code learningRate}
     * @param label short human label
     * @param type the value type
     * @param defaultValue the value used when none is given ({@link Integer}, {@link Double}, {@link String} or {@link Boolean} by type)
     * @param min smallest allowed value for numbers, or {@code null}
     * @param max largest allowed value for numbers, or {@code null}
     * @param choices allowed values for {@link ParamType#CHOICE}, empty otherwise
     * @param help one or two sentences shown beside the field
     */
    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        label = label == null ? name : label;
        help = help == null ? "" : help;
        choices = List.copyOf(choices == null ? List.of() : choices);
        if (type == ParamType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' declares no choices");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("parameter '" + name + "' has min > max");
        }
    }

    /**
     * Declares a whole-number parameter.
     *
     * @param name the name
     * @param label the label
     * @param defaultValue the default
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @param help help text
     * @return the declaration
     */
    public static ParamSpec ofInt(String name, String label, int defaultValue, int min, int max, String help) {
        return checkedDefault(
                new ParamSpec(name, label, ParamType.INT, defaultValue, (double) min, (double) max, List.of(), help));
    }

    /**
     * Declares a decimal parameter.
     *
     * @param name the name
     * @param label the label
     * @param defaultValue the default
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @param help help text
     * @return the declaration
     */
    public static ParamSpec ofDouble(
            String name, String label, double defaultValue, double min, double max, String help) {
        return checkedDefault(new ParamSpec(name, label, ParamType.DOUBLE, defaultValue, min, max, List.of(), help));
    }

    /**
     * Declares a parameter that takes one of a list of strings.
     *
     * @param name the name
     * @param label the label
     * @param defaultValue the default, one of the choices
     * @param choices the allowed values
     * @param help help text
     * @return the declaration
     */
    public static ParamSpec ofChoice(
            String name, String label, String defaultValue, List<String> choices, String help) {
        return checkedDefault(new ParamSpec(name, label, ParamType.CHOICE, defaultValue, null, null, choices, help));
    }

    /**
     * Declares a true/false parameter.
     *
     * @param name the name
     * @param label the label
     * @param defaultValue the default
     * @param help help text
     * @return the declaration
     */
    public static ParamSpec ofBoolean(String name, String label, boolean defaultValue, String help) {
        return new ParamSpec(name, label, ParamType.BOOLEAN, defaultValue, null, null, List.of(), help);
    }

    /**
     * Declares a free-text parameter, such as the prompt of a text generator. Since API 1.1.
     *
     * @param name the name
     * @param label the label
     * @param defaultValue the default, possibly empty
     * @param maxLength the most characters a value may have
     * @param help help text
     * @return the declaration
     */
    public static ParamSpec ofText(String name, String label, String defaultValue, int maxLength, String help) {
        return checkedDefault(
                new ParamSpec(name, label, ParamType.TEXT, defaultValue, 0.0, (double) maxLength, List.of(), help));
    }

    /**
     * Declares a picture input: forms show a square drawing canvas and submit a PNG data URL. Since API 1.1.
     *
     * @param name the name
     * @param label the label
     * @param help help text
     * @return the declaration
     */
    public static ParamSpec ofImage(String name, String label, String help) {
        return new ParamSpec(name, label, ParamType.IMAGE, "", 0.0, (double) MAX_IMAGE_CHARS, List.of(), help);
    }

    /** The longest image data URL accepted: 2 MB of text, far more than a drawn 280×280 PNG needs. */
    public static final int MAX_IMAGE_CHARS = 2_000_000;

    private static final String PNG_DATA_URL = "data:image/png;base64,";

    /**
     * Converts and checks a submitted value: a JSON number, string or boolean, or a form's text.
     *
     * @param raw the submitted value; {@code null} or blank text means "use the default"
     * @return the value as {@link Integer}, {@link Double}, {@link String} or {@link Boolean}
     * @throws InvalidParameterException naming this parameter when the value is not acceptable
     */
    public Object parse(Object raw) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            return defaultValue;
        }
        return switch (type) {
            case INT -> inRange(toInt(raw));
            case DOUBLE -> inRange(toDouble(raw));
            case CHOICE -> toChoice(raw);
            case BOOLEAN -> toBoolean(raw);
            case TEXT -> toText(raw);
            case IMAGE -> toImage(raw);
        };
    }

    private static ParamSpec checkedDefault(ParamSpec spec) {
        try {
            spec.parse(spec.defaultValue);
        } catch (InvalidParameterException e) {
            throw new IllegalArgumentException(
                    "default of parameter '" + spec.name + "' is invalid: " + e.getMessage(), e);
        }
        return spec;
    }

    private int toInt(Object raw) {
        double value = number(raw, "a whole number");
        if (!Double.isFinite(value) || value != Math.rint(value)) {
            throw invalid("must be a whole number, got " + raw);
        }
        if (Math.abs(value) > Integer.MAX_VALUE) {
            throw invalid("must be at most " + formatBound(max) + ", got " + raw);
        }
        return (int) value;
    }

    /** A JSON number or a form's text as a double; {@code what} names the kind in the error ("a whole number"). */
    private double number(Object raw, String what) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw invalid("must be " + what + ", got '" + abbreviate(s) + "'");
            }
        }
        throw invalid("must be " + what);
    }

    private double toDouble(Object raw) {
        double value = number(raw, "a number");
        if (!Double.isFinite(value)) {
            throw invalid("must be a finite number");
        }
        return value;
    }

    private <T extends Number> T inRange(T value) {
        double v = value.doubleValue();
        if (min != null && v < min) {
            throw invalid("must be at least " + formatBound(min) + ", got " + formatBound(v));
        }
        if (max != null && v > max) {
            throw invalid("must be at most " + formatBound(max) + ", got " + formatBound(v));
        }
        return value;
    }

    private String toChoice(Object raw) {
        String value = raw.toString().trim();
        if (!choices.contains(value)) {
            throw invalid("must be one of " + String.join(", ", choices) + ", got '" + abbreviate(value) + "'");
        }
        return value;
    }

    private String toText(Object raw) {
        if (!(raw instanceof String s)) {
            throw invalid("must be text");
        }
        if (max != null && s.length() > max) {
            throw invalid("must be at most " + formatBound(max) + " characters long, got " + s.length());
        }
        return s;
    }

    private String toImage(Object raw) {
        if (!(raw instanceof String s) || !s.startsWith(PNG_DATA_URL)) {
            throw invalid("must be a PNG image as a data:image/png;base64 URL");
        }
        if (max != null && s.length() > max) {
            throw invalid("must be at most " + formatBound(max) + " characters long, got " + s.length());
        }
        try {
            java.util.Base64.getDecoder().decode(s.substring(PNG_DATA_URL.length()));
        } catch (IllegalArgumentException e) {
            throw invalid("is not valid base64: " + e.getMessage());
        }
        return s;
    }

    /**
     * Decodes the bytes of a value of an {@link ParamType#IMAGE} parameter.
     *
     * @param value a value this spec's {@link #parse} accepted
     * @return the PNG file's bytes
     */
    public static byte[] imageBytes(String value) {
        if (!value.startsWith(PNG_DATA_URL)) {
            throw new IllegalArgumentException("not a PNG data URL");
        }
        return java.util.Base64.getDecoder().decode(value.substring(PNG_DATA_URL.length()));
    }

    private Boolean toBoolean(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String s = raw.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw invalid("must be true or false, got '" + abbreviate(s) + "'");
        };
    }

    private InvalidParameterException invalid(String what) {
        return new InvalidParameterException(name, label + " " + what);
    }

    private static String formatBound(Double bound) {
        if (bound == null) {
            return "?";
        }
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
