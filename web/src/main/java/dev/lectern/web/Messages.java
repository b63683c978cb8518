package dev.lectern.web;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The UI's texts in one language, looked up by key from {@code dev/lectern/web/messages[_ko].properties} (UTF-8).
 *
 * <p>A key that the Korean bundle lacks falls back to the English bundle (the bundles' parent chain), and a key that
 * neither has shows as the key itself, so a text not yet translated is still readable and never breaks a page.
 * Templates take an instance as the parameter {@code t}; its default is {@link #ENGLISH}.
 */
public final class Messages {

    /** The languages the UI speaks, English first (the fallback). */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.KOREAN);

    private static final String BUNDLE = "dev.lectern.web.messages";

    /** The English texts. */
    public static final Messages ENGLISH = new Messages(Locale.ENGLISH, "");

    /** The Korean texts. */
    public static final Messages KOREAN = new Messages(Locale.KOREAN, "");

    private final Locale locale;
    private final ResourceBundle bundle;
    private final String returnPath;

    private Messages(Locale locale, String returnPath) {
        this.locale = locale;
        // No fallback to the JVM's default locale: an English request on a Korean machine must stay English.
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                locale,
                Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.returnPath = returnPath;
    }

    /**
     * Returns the texts for a language: Korean for any Korean locale, English otherwise.
     *
     * @param locale the wanted locale, or {@code null}
     * @return the texts
     */
    public static Messages of(Locale locale) {
        return locale != null && "ko".equals(locale.getLanguage()) ? KOREAN : ENGLISH;
    }

    /**
     * Returns these texts for one request, whose language switch leads back to the page shown.
     *
     * @param path the request's path and query, such as {@code /experiments?page=2}; anything but a local path is
     *     replaced by {@code /}
     * @return the texts
     */
    public Messages returningTo(String path) {
        return new Messages(locale, localPath(path));
    }

    /**
     * Returns the text for a key.
     *
     * @param key the key, such as {@code nav.experiments}
     * @return the text in this language, else in English, else the key itself
     */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /**
     * Returns the text for a key, or a fallback when no language has one: for texts made of data, such as a status
     * name, that only some values have a translation for.
     *
     * @param key the key
     * @param fallback the text shown when no bundle has the key
     * @return the text
     */
    public String getOr(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    /**
     * Returns the text for a key with its placeholders {@code {0}}, {@code {1}}, ... replaced by the arguments as
     * they are (numbers are not reformatted, so they read the same in every language).
     *
     * @param key the key
     * @param args the values
     * @return the text
     */
    public String format(String key, Object... args) {
        return fill(get(key), args);
    }

    /**
     * Tells whether this language or English has a text for the key.
     *
     * @param key the key
     * @return whether {@link #get} would return a text rather than the key
     */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * Returns the texts the pages' scripts show ({@code js.*}) and the status names they write into badges
     * ({@code status.*}), for the layout to hand to them.
     *
     * @return key to text, in key order
     */
    public java.util.SortedMap<String, String> scriptTexts() {
        java.util.SortedMap<String, String> texts = new java.util.TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith("js.") || key.startsWith("status.")) {
                texts.put(key, bundle.getString(key));
            }
        }
        return texts;
    }

    /**
     * Returns the language tag for {@code <html lang>}, such as {@code ko}.
     *
     * @return the tag
     */
    public String lang() {
        return locale.toLanguageTag();
    }

    /**
     * Returns this language's locale.
     *
     * @return the locale
     */
    public Locale locale() {
        return locale;
    }

    /**
     * Returns the link that switches the UI to a language and comes back to this page.
     *
     * @param lang the language tag, {@code en} or {@code ko}
     * @return the link
     */
    public String switchHref(String lang) {
        return "/lang?to=" + lang + "&next="
                + java.net.URLEncoder.encode(
                        returnPath.isEmpty() ? "/" : returnPath, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Replaces {@code {0}}, {@code {1}}, ... in a text.
     *
     * @param text the text
     * @param args the values, written with {@link String#valueOf}
     * @return the text with the values in
     */
    static String fill(String text, Object... args) {
        String out = text;
        for (int i = 0; i < args.length; i++) {
            out = out.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return out;
    }

    /**
     * Keeps a path only when it is on this site: it starts with one {@code /} and holds no backslash or control
     * character, so the switch can never redirect elsewhere.
     *
     * @param path a candidate path
     * @return the path, or {@code /}
     */
    public static String localPath(String path) {
        if (path == null
                || !path.startsWith("/")
                || path.startsWith("//")
                || path.length() > 2000
                || path.chars().anyMatch(c -> c == '\\' || c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return path;
    }
}
