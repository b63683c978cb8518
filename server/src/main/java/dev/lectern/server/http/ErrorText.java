package dev.lectern.server.http;

import dev.lectern.web.Messages;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the server's English error messages into the reader's language. The messages are built in code from their
 * parts ("Learning rate must be at most 10, got 20"), so each known shape is a pattern whose parts fill the bundle's
 * {@code error.*} text; a message of no known shape stays as it is, in English.
 */
public final class ErrorText {

    private record Shape(Pattern pattern, String key) {}

    // Longer shapes first: "at most 5 characters long" must not be read as "at most 5".
    private static final List<Shape> SHAPES = List.of(
            shape("(.+) must be at most (\\S+) characters long, got (\\d+)", "error.field.tooLong"),
            shape("(.+) must be a whole number, got '(.*)'", "error.field.wholeGot"),
            shape("(.+) must be a whole number, got (.+)", "error.field.wholeGot"),
            shape("(.+) must be a whole number", "error.field.whole"),
            shape("(.+) must be at most (\\S+), got (.+)", "error.field.atMost"),
            shape("(.+) must be at least (\\S+), got (.+)", "error.field.atLeast"),
            shape("(.+) must be a number, got '(.*)'", "error.field.numberGot"),
            shape("(.+) must be a number", "error.field.number"),
            shape("(.+) must be a finite number", "error.field.finite"),
            shape("(.+) must be one of (.+), got '(.*)'", "error.field.oneOf"),
            shape("(.+) must be true or false, got '(.*)'", "error.field.boolean"),
            shape("(.+) must be a PNG image as a data:image/png;base64 URL", "error.field.png"),
            shape("(.+) needs a value", "error.field.required"),
            shape("data set '(.+)' does not exist", "error.noDataset"),
            shape("experiment (\\d+) does not exist", "error.noExperiment"),
            shape("no plugin '(.+)' is loaded", "error.noPlugin"),
            shape("no page at (.+)", "error.noPage"),
            shape("no such route: (.+)", "error.noRoute"),
            shape("internal error \\(logged on the server as (\\w+)\\)", "error.internal"),
            shape("that name and password do not match an account", "error.signIn"),
            shape("the two passwords differ", "error.passwordsDiffer"),
            shape("a password has at least (\\d+) characters", "error.passwordShort"),
            shape("choose the parameter to change", "error.chooseParam"),
            shape("only a teacher (.+)", "error.teacherOnly"));

    private ErrorText() {}

    private static Shape shape(String regex, String key) {
        return new Shape(Pattern.compile(regex, Pattern.DOTALL), key);
    }

    /**
     * Returns a message in a language.
     *
     * @param message the English message, or {@code null}
     * @param t the reader's texts
     * @return the message in that language where its shape is known, else the message itself
     */
    public static String in(String message, Messages t) {
        if (message == null || t == null || "en".equals(t.lang())) {
            return message;
        }
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(message);
            if (m.matches() && t.has(shape.key())) {
                Object[] parts = new Object[m.groupCount()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = m.group(i + 1);
                }
                return t.format(shape.key(), parts);
            }
        }
        return message;
    }
}
