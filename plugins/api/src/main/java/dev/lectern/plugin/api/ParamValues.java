package dev.lectern.plugin.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parameter values that passed their declarations' checks, with every declared name present. */
public final class ParamValues {

    private final Map<String, Object> values;

    private ParamValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Checks submitted values against declarations and fills in defaults.
     *
     * @param specs the declarations
     * @param submitted submitted values by name; may be missing names
     * @return the checked values, in declaration order
     * @throws InvalidParameterException for the first bad value or unknown name
     */
    public static ParamValues check(List<ParamSpec> specs, Map<String, ?> submitted) {
        Map<String, Object> checked = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            checked.put(spec.name(), spec.parse(submitted.get(spec.name())));
        }
        for (String name : submitted.keySet()) {
            if (!checked.containsKey(name)) {
                throw new InvalidParameterException(name, "unknown parameter '" + name + "'");
            }
        }
        return new ParamValues(checked);
    }

    /**
     * Returns a whole-number value.
     *
     * @param name the parameter name
     * @return the value
     */
    public int getInt(String name) {
        return ((Number) require(name)).intValue();
    }

    /**
     * Returns a decimal value.
     *
     * @param name the parameter name
     * @return the value
     */
    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    /**
     * Returns a choice or text value.
     *
     * @param name the parameter name
     * @return the value
     */
    public String getString(String name) {
        return require(name).toString();
    }

    /**
     * Returns a boolean value.
     *
     * @param name the parameter name
     * @return the value
     */
    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    /**
     * Tells whether a value is present under the name.
     *
     * @param name the parameter name
     * @return true if declared and set
     */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /**
     * Returns all values by name, in declaration order.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no value for parameter '" + name + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
