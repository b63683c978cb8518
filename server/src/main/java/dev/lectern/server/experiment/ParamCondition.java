package dev.lectern.server.experiment;

import dev.lectern.plugin.api.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One condition on a run's hyperparameter, as the runs table's {@code hp} filter takes it: {@code learningRate=0.01},
 * {@code epochs>100}, {@code hidden<=64}, {@code optimizer=adam}, {@code cell!=lstm}.
 *
 * @param name the hyperparameter
 * @param op how its value is compared
 * @param value the value as typed (quotes removed)
 * @param number the value as a number, when it reads as one; required by the ordering operators
 */
public record ParamCondition(String name, Op op, String value, Optional<Double> number) {

    /** The query parameter the conditions come in, named in every refusal. */
    public static final String FIELD = "hp";

    /** At most this many conditions in one query: each is one more lookup per run. */
    public static final int MAX_CONDITIONS = 10;

    /** A parameter name as plugins declare them. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");

    private static final Pattern CONDITION = Pattern.compile("\\s*([^=<>!~]*?)\\s*([=<>!~]+)\\s*(.*?)\\s*");

    /** The comparisons a condition may make. */
    public enum Op {
        EQ("="),
        NE("!="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written. */
        public String symbol() {
            return symbol;
        }

        /** Whether the operator orders numbers (and so needs a number to compare with). */
        public boolean ordering() {
            return this == LT || this == LE || this == GT || this == GE;
        }

        static Optional<Op> of(String symbol) {
            return switch (symbol) {
                case "=", "==" -> Optional.of(EQ);
                case "!=" -> Optional.of(NE);
                case "<" -> Optional.of(LT);
                case "<=" -> Optional.of(LE);
                case ">" -> Optional.of(GT);
                case ">=" -> Optional.of(GE);
                default -> Optional.empty();
            };
        }
    }

    /** The condition as one would type it again (a value with a comma or quote is quoted). */
    @Override
    public String toString() {
        boolean quote = value.isEmpty()
                || value.contains(",")
                || value.contains("\"")
                || !value.strip().equals(value);
        return name + op.symbol() + (quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
    }

    /**
     * Reads the conditions of every {@code hp} value: each holds one or more conditions separated by commas; a value
     * in double quotes may hold commas (a quote inside is doubled). All conditions must hold (AND).
     *
     * @param raw the {@code hp} values of the query string
     * @return the conditions, in the order written
     * @throws InvalidParameterException naming {@code hp}, saying which condition is wrong and how
     */
    public static List<ParamCondition> parse(List<String> raw) {
        List<ParamCondition> conditions = new ArrayList<>();
        for (String text : raw) {
            if (text == null) {
                continue;
            }
            if (text.length() > 1000) {
                throw new InvalidParameterException(FIELD, "hp: at most 1000 characters, got " + text.length());
            }
            for (String part : split(text)) {
                if (part.isBlank()) {
                    continue;
                }
                conditions.add(one(part));
                if (conditions.size() > MAX_CONDITIONS) {
                    throw new InvalidParameterException(
                            FIELD, "hp: at most " + MAX_CONDITIONS + " conditions, got more");
                }
            }
        }
        return List.copyOf(conditions);
    }

    private static ParamCondition one(String part) {
        Matcher m = CONDITION.matcher(part);
        if (!m.matches()) {
            throw refused(
                    part, "write name=value, name!=value, name<number, name<=number, name>number or name>=number");
        }
        String name = m.group(1);
        String symbol = m.group(2);
        String raw = m.group(3);
        if (name.isEmpty()) {
            throw refused(part, "the parameter's name is missing before " + symbol);
        }
        if (!NAME.matcher(name).matches()) {
            throw refused(part, "'" + abbreviate(name) + "' is not a parameter name (letters, digits, _ . -)");
        }
        Op op = Op.of(symbol)
                .orElseThrow(() ->
                        refused(part, "unknown operator '" + abbreviate(symbol) + "'; use =, !=, <, <=, > or >="));
        if (raw.isEmpty()) {
            throw refused(part, "the value is missing after " + op.symbol() + " (write \"\" for empty text)");
        }
        String value = unquote(part, raw);
        Optional<Double> number = number(value);
        if (op.ordering() && number.isEmpty()) {
            throw refused(part, op.symbol() + " compares numbers, and '" + abbreviate(value) + "' is not one");
        }
        return new ParamCondition(name, op, value, number);
    }

    /** Splits at commas outside double quotes. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw refused(text.strip(), "a double quote is not closed");
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String part, String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            String inner = value.substring(1, value.length() - 1);
            if (inner.replace("\"\"", "").contains("\"")) {
                throw refused(part, "a double quote inside a quoted value is written twice (\"\")");
            }
            return inner.replace("\"\"", "\"");
        }
        if (value.contains("\"")) {
            throw refused(part, "quote the whole value, as in name=\"a, b\"");
        }
        return value;
    }

    /** A finite number in Java's or JSON's notation ({@code 0.01}, {@code 1e-3}, {@code 100}), else empty. */
    static Optional<Double> number(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || !v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
            return Optional.empty();
        }
        double d = Double.parseDouble(v);
        return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
    }

    private static InvalidParameterException refused(String part, String why) {
        return new InvalidParameterException(FIELD, "hp: '" + abbreviate(part.strip()) + "': " + why);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
