package dev.lectern.plugin.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A plugin's texts in one language: its title, topic, summary, guide and parameters' labels and help, looked up by
 * key in the plugin's {@link LecturePlugin#messages(Locale) bundle}, each falling back to the English text the plugin
 * declares in code when the bundle lacks the key. Since API 1.4.
 *
 * <p>Keys: {@code title}, {@code topic}, {@code summary}, {@code guide} (blank lines, {@code \n\n} in a properties
 * file, separate paragraphs), {@code param.<name>.label} and {@code param.<name>.help} for each hyperparameter and
 * prediction input. Formulas and numbers are never translated.
 */
public final class PluginTexts {

    private final LecturePlugin plugin;
    private final ResourceBundle bundle;

    private PluginTexts(LecturePlugin plugin, ResourceBundle bundle) {
        this.plugin = plugin;
        this.bundle = bundle;
    }

    /**
     * Returns a plugin's texts in a language.
     *
     * @param plugin the plugin
     * @param locale the language, such as {@link Locale#KOREAN}
     * @return the texts; English (the declared ones) where the plugin ships no bundle for the language
     */
    public static PluginTexts of(LecturePlugin plugin, Locale locale) {
        Objects.requireNonNull(plugin, "plugin");
        ResourceBundle bundle;
        try {
            bundle = plugin.messages(locale == null ? Locale.ENGLISH : locale);
        } catch (RuntimeException e) {
            // A broken bundle must not take the plugin's pages down: its English texts still read.
            bundle = null;
        }
        return new PluginTexts(plugin, bundle == null ? EMPTY : bundle);
    }

    /**
     * Loads the bundle {@code <package of type>.messages} for a locale through the class's own class loader, with no
     * fallback to the machine's default locale (an English request on a Korean machine stays English).
     *
     * @param type a class of the plugin, whose package names the bundle
     * @param locale the language
     * @return the bundle, or {@code null} when the plugin has none
     */
    public static ResourceBundle bundle(Class<?> type, Locale locale) {
        try {
            return ResourceBundle.getBundle(
                    type.getPackageName() + ".messages",
                    locale,
                    type.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /**
     * Returns the text for a key, or a fallback.
     *
     * @param key the key
     * @param fallback the English text
     * @return the bundle's text, else the fallback
     */
    public String text(String key, String fallback) {
        if (bundle.containsKey(key)) {
            String value = bundle.getString(key);
            if (!value.isBlank()) {
                return value;
            }
        }
        return fallback;
    }

    /**
     * Returns the plugin's title.
     *
     * @return the title
     */
    public String title() {
        return text("title", plugin.descriptor().title());
    }

    /**
     * Returns the lecture the plugin belongs to.
     *
     * @return the topic
     */
    public String topic() {
        return text("topic", plugin.descriptor().topic());
    }

    /**
     * Returns what the student learns.
     *
     * @return the summary
     */
    public String summary() {
        return text("summary", plugin.descriptor().summary());
    }

    /**
     * Returns what to look at while the model trains.
     *
     * @return the guide, empty when the plugin has none
     */
    public String guide() {
        return text("guide", plugin.guide());
    }

    /**
     * Returns a parameter with its label and help in this language; name, type, default, bounds and choices stay.
     *
     * @param spec the declared parameter
     * @return the parameter to show
     */
    public ParamSpec param(ParamSpec spec) {
        String label = text("param." + spec.name() + ".label", spec.label());
        String help = text("param." + spec.name() + ".help", spec.help());
        if (label.equals(spec.label()) && help.equals(spec.help())) {
            return spec;
        }
        return new ParamSpec(
                spec.name(), label, spec.type(), spec.defaultValue(), spec.min(), spec.max(), spec.choices(), help);
    }

    /**
     * Returns parameters with their labels and help in this language.
     *
     * @param specs the declared parameters
     * @return the parameters to show, in the same order
     */
    public List<ParamSpec> params(List<ParamSpec> specs) {
        List<ParamSpec> out = new ArrayList<>(specs.size());
        for (ParamSpec spec : specs) {
            out.add(param(spec));
        }
        return out;
    }

    private static final ResourceBundle EMPTY = new ResourceBundle() {
        @Override
        protected Object handleGetObject(String key) {
            return null;
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.emptyEnumeration();
        }
    };
}
