package dev.lectern.server.http;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders people's notes. Raw HTML in the text is escaped, not passed through, and links or images with schemes
 * other than http, https, mailto and data images are dropped, so a note cannot run script on the page.
 *
 * <p>The parser recurses once per level of nesting, so a note of 5 000 {@code >} would overflow the stack and break
 * its page for good. Notes nested deeper than any person writes, longer than the notes limit, or that fail to
 * render for any other reason are shown as plain escaped text instead: the page always renders, and nothing stored
 * is lost.
 */
public final class Markdown {

    /** Deeper than any hand-written note; commonmark's recursion stays far from the stack's end. */
    public static final int MAX_NESTING = 32;

    public static final int MAX_LENGTH = 20_000;

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {}

    public static String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        if (markdown.length() > MAX_LENGTH || nesting(markdown) > MAX_NESTING) {
            return plain(markdown);
        }
        try {
            return RENDERER.render(PARSER.parse(markdown));
        } catch (StackOverflowError | RuntimeException e) {
            return plain(markdown);
        }
    }

    /**
     * The deepest nesting any line opens: block quotes, list items and indentation at the start of a line, and
     * unclosed brackets, parentheses and emphasis runs within it.
     */
    public static int nesting(String text) {
        int deepest = 0;
        for (String line : text.split("\n", -1)) {
            int n = line.length();
            int i = 0;
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            // Nested list items are indented two or more spaces per level.
            int depth = i / 2;
            while (i < n) {
                char c = line.charAt(i);
                boolean marker = (c == '-' || c == '*' || c == '+')
                        && i + 1 < n
                        && (line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t');
                if (c == '>' || marker) {
                    depth++;
                    i++;
                } else if (c == ' ' || c == '\t') {
                    i++;
                } else if (Character.isDigit(c)) {
                    int j = i;
                    while (j < n && Character.isDigit(line.charAt(j))) {
                        j++;
                    }
                    if (j < n && (line.charAt(j) == '.' || line.charAt(j) == ')')) {
                        depth++;
                        i = j + 1;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            int open = 0;
            int run = 0;
            for (; i < n; i++) {
                char c = line.charAt(i);
                if (c == '[' || c == '(') {
                    open++;
                } else if ((c == ']' || c == ')') && open > 0) {
                    open--;
                }
                run = c == '*' || c == '_' || c == '`' || c == '~' ? run + 1 : 0;
                // A run of emphasis marks nests one level per pair; separator lines of a few dozen stay plain text.
                deepest = Math.max(deepest, Math.max(open, run / 2));
            }
            deepest = Math.max(deepest, depth);
        }
        return deepest;
    }

    private static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length() + 32).append("<pre class=\"notes-plain\">");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.append("</pre>").toString();
    }
}
