package dev.lectern.server;

import dev.lectern.server.plugin.PluginManager;
import dev.lectern.server.testing.PluginJars;
import dev.lectern.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What 20 plugin jars, each in its own class loader, add to start-up. Run with
 * {@code mvn -B -Pbenchmark -pl server -am verify}; prints figures, asserts nothing.
 */
@Tag("benchmark")
class PluginLoadingBenchmark {

    private static final int PLUGINS = 20;

    @Test
    void twentyPluginJars(@TempDir Path work) throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path empty = Files.createDirectories(work.resolve("no-plugins"));
        for (int i = 0; i < PLUGINS; i++) {
            PluginJars.build(
                    work,
                    plugins.resolve("bench-" + i),
                    "bench.p" + i + ".TestPlugin",
                    PluginJars.source("bench.p" + i, "bench-" + i, ""));
        }
        double[] loadAll = new double[5];
        for (int r = 0; r < loadAll.length; r++) {
            long t = System.nanoTime();
            PluginManager manager = new PluginManager(getClass().getClassLoader(), List.of(plugins));
            manager.loadAll();
            loadAll[r] = (System.nanoTime() - t) / 1e6;
            if (manager.plugins().stream()
                            .filter(p -> p.descriptor().id().startsWith("bench-"))
                            .count()
                    != PLUGINS) {
                throw new AssertionError("not every benchmark plugin loaded: " + manager.statuses());
            }
        }
        startMillis(work.resolve("warm-up"), empty);
        double[] without = new double[3];
        double[] with = new double[3];
        for (int r = 0; r < 3; r++) {
            without[r] = startMillis(work.resolve("a" + r), empty);
            with[r] = startMillis(work.resolve("b" + r), plugins);
        }
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK plugin loading: %d jars in own class loaders, PluginManager.loadAll first %.0f ms, "
                        + "then median %.0f ms; server start-up median %.0f ms without them, %.0f ms with them (adds %.0f ms)%n",
                PLUGINS,
                loadAll[0],
                median(Arrays.copyOfRange(loadAll, 1, loadAll.length)),
                median(without),
                median(with),
                median(with) - median(without));
    }

    private static double startMillis(Path dataDir, Path pluginsDir) {
        long t = System.nanoTime();
        TestServer server = TestServer.start(dataDir, "--plugins-dir", pluginsDir.toString());
        double millis = (System.nanoTime() - t) / 1e6;
        server.close();
        return millis;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
