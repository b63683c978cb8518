package dev.lectern.plugin.api;

/** Version information of the plugin API itself. */
public final class PluginApi {

    /**
     * The semantic version of this API. A plugin compiled against this class carries the value as a
     * compile-time constant in {@link PluginDescriptor#apiVersion()}, so the server can compare it with its
     * own: a different major version is refused with a clear message.
     */
    public static final String VERSION = "1.0.0";

    private PluginApi() {}

    /**
     * Returns the major component of a semantic version such as {@code "1.2.3"}.
     *
     * @param version a version string
     * @return the major version, or -1 if the string does not start with a number
     */
    public static int major(String version) {
        if (version == null) {
            return -1;
        }
        int dot = version.indexOf('.');
        String head = dot < 0 ? version : version.substring(0, dot);
        try {
            return Integer.parseInt(head.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
