package dev.lectern.server.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Loads one plugin's jars child-first, so a plugin may bundle its own libraries, while the plugin API, the
 * data sets module, DJL and slf4j come from the server: PyTorch's native library can be bound to only one
 * class loader per JVM, and the API types must be the server's own for the plugin to be callable.
 */
final class PluginClassLoader extends URLClassLoader {

    private static final List<String> SHARED_CLASSES =
            List.of("dev.lectern.plugin.api.", "dev.lectern.datasets.", "ai.djl.", "org.slf4j.");
    private static final List<String> SHARED_RESOURCES = List.of(
            "dev/lectern/plugin/api/",
            "dev/lectern/datasets/",
            "ai/djl/",
            "org/slf4j/",
            "native/",
            "META-INF/services/ai.djl.");

    private final ClassLoader server;

    PluginClassLoader(String name, URL[] jars, ClassLoader server) {
        super(name, jars, ClassLoader.getPlatformClassLoader());
        this.server = server;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name, SHARED_CLASSES)) {
            return server.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                try {
                    type = findClass(name);
                } catch (ClassNotFoundException notInPlugin) {
                    type = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    @Override
    public URL getResource(String name) {
        if (isShared(name, SHARED_RESOURCES)) {
            return server.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (isShared(name, SHARED_RESOURCES)) {
            return server.getResources(name);
        }
        List<URL> urls = Collections.list(findResources(name));
        urls.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(urls);
    }

    private static boolean isShared(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
