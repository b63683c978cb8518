package dev.lectern.server.history;

import java.util.List;
import java.util.Locale;

/** RFC 4180 CSV: cells with commas, quotes or line breaks are quoted; a leading =, +, - or @ is not evaluated. */
public final class Csv {

    private Csv() {}

    /** Appends one row and its line end. */
    public static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** A number or text as a cell value: numbers in full precision, absent values empty. */
    public static String value(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : Double.toString(d);
        }
        return value.toString();
    }

    private static String cell(String text) {
        String t = text == null ? "" : text;
        // A spreadsheet would run a run name like "=HYPERLINK(...)" as a formula.
        if (!t.isEmpty() && "=+@".indexOf(t.charAt(0)) >= 0) {
            t = "'" + t;
        } else if (t.startsWith("-") && !looksNumeric(t)) {
            t = "'" + t;
        }
        if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) {
            return "\"" + t.replace("\"", "\"\"") + "\"";
        }
        return t;
    }

    private static boolean looksNumeric(String t) {
        try {
            Double.parseDouble(t.toLowerCase(Locale.ROOT));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
