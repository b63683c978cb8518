package dev.lectern.plugin.support;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers written into TeX formulas ({@link dev.lectern.plugin.api.view.Formulas}): four significant digits, plain
 * decimals in the range a lecture's numbers live in and powers of ten outside it, so {@code 0.5} reads {@code 0.5000}
 * and {@code 3.2e-7} reads {@code 3.200 \times 10^{-7}}.
 */
public final class Tex {

    private static final MathContext DIGITS = new MathContext(4);

    private Tex() {}

    /**
     * Writes a number.
     *
     * @param value the number
     * @return its TeX
     */
    public static String num(double value) {
        if (Double.isNaN(value)) {
            return "\\mathrm{NaN}";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "\\infty" : "-\\infty";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(DIGITS);
        if (rounded.precision() < DIGITS.getPrecision()) {
            rounded = rounded.setScale(rounded.scale() + DIGITS.getPrecision() - rounded.precision());
        }
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            return rounded.toPlainString();
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent);
        return mantissa.toPlainString() + " \\times 10^{" + exponent + "}";
    }

    /**
     * Writes a number to follow another term: {@code + 3.630} or {@code - 3.630}.
     *
     * @param value the number
     * @return its TeX with its sign as an operator
     */
    public static String signed(double value) {
        return value < 0 || (value == 0 && 1 / value < 0) ? "- " + num(-value) : "+ " + num(value);
    }

    /**
     * Writes a number as a factor: in parentheses when negative, {@code \times (-3.214)}.
     *
     * @param value the number
     * @return its TeX
     */
    public static String factor(double value) {
        return value < 0 ? "(" + num(value) + ")" : num(value);
    }

    /**
     * Writes a value the user typed, such as a learning rate, as short as it is: {@code 0.01}, not {@code 0.01000};
     * one with more than four significant digits as {@link #num} does.
     *
     * @param value the number
     * @return its TeX
     */
    public static String given(double value) {
        if (!Double.isFinite(value) || value == 0) {
            return num(value);
        }
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return exact.precision() <= 4 && magnitude >= 1e-4 && magnitude < 1e6 ? exact.toPlainString() : num(value);
    }
}
