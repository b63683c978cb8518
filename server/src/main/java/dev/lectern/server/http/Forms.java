package dev.lectern.server.http;

import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.web.page.FormField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Form fields generated from declared parameters, for the plugin page's run form and the predict form. */
public final class Forms {

    private Forms() {}

    /** Builds form fields from declarations, showing submitted values where given, else the defaults. */
    public static List<FormField> fields(
            List<ParamSpec> specs, Map<String, ?> values, String errorField, String error) {
        List<FormField> fields = new ArrayList<>();
        for (ParamSpec spec : specs) {
            Object value = values.containsKey(spec.name()) ? values.get(spec.name()) : spec.defaultValue();
            fields.add(new FormField(
                    spec.name(),
                    spec.label(),
                    spec.type().name().toLowerCase(Locale.ROOT),
                    value == null ? "" : (value instanceof Number ? Formats.number(value) : value.toString()),
                    spec.min() == null ? "" : Formats.number(spec.min()),
                    spec.max() == null ? "" : Formats.number(spec.max()),
                    spec.choices(),
                    spec.help(),
                    spec.name().equals(errorField) ? error : ""));
        }
        return fields;
    }
}
