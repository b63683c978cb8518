package dev.lectern.server.dataset;

import dev.lectern.datasets.DatasetSpec;
import dev.lectern.server.http.PageLanguage;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The built-in data sets' titles and descriptions in the language of the page being answered, from the datasets
 * module's {@code dev/lectern/datasets/messages_<language>.properties} (keys {@code <id>.title},
 * {@code <id>.description}); an uploaded data set, or a key the bundle lacks, keeps the catalog's English.
 */
public final class DatasetTexts {

    private DatasetTexts() {}

    /**
     * Returns a data set's title in the current page's language.
     *
     * @param spec the data set
     * @return the title
     */
    public static String title(DatasetSpec spec) {
        return text(spec.id() + ".title", spec.title());
    }

    /**
     * Returns a data set's description in the current page's language.
     *
     * @param spec the data set
     * @return the description
     */
    public static String description(DatasetSpec spec) {
        return text(spec.id() + ".description", spec.description());
    }

    private static String text(String key, String english) {
        Locale locale = PageLanguage.current().locale();
        if ("en".equals(locale.getLanguage())) {
            return english;
        }
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(
                    "dev.lectern.datasets.messages",
                    locale,
                    DatasetSpec.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return bundle.containsKey(key) ? bundle.getString(key) : english;
        } catch (MissingResourceException e) {
            return english;
        }
    }
}
