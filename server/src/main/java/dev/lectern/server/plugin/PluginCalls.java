package dev.lectern.server.plugin;

import java.util.concurrent.Callable;

/**
 * Runs a call into plugin code with the plugin's class loader as the thread's context class loader, because
 * libraries (DJL's {@code ClassLoaderUtils} among them) look classes and resources up through it.
 */
final class PluginCalls {

    private PluginCalls() {}

    static <T> T call(ClassLoader loader, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static <T> T unchecked(ClassLoader loader, Callable<T> action) {
        try {
            return call(loader, action);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void run(ClassLoader loader, Runnable action) {
        unchecked(loader, () -> {
            action.run();
            return null;
        });
    }
}
