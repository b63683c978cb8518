package dev.lectern.server;

import dev.lectern.server.plugin.PluginManager;
import dev.lectern.server.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
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
            buildPlugin(work.resolve("src" + i), plugins.resolve("bench-" + i), i);
        }
        double[] loadAll = new double[5];
        for (int r = 0; r < loadAll.length; r++) {
            long t = System.nanoTime();
            PluginManager manager = new PluginManager(getClass().getClassLoader(), List.of(plugins));
            manager.loadAll();
            loadAll[r] = (System.nanoTime() - t) / 1e6;
            if (manager.plugins().stream().filter(p -> p.descriptor().id().startsWith("bench-")).count() != PLUGINS) {
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
        System.out.printf(Locale.ROOT, "BENCHMARK plugin loading: %d jars in own class loaders, PluginManager.loadAll first %.0f ms, "
                        + "then median %.0f ms; server start-up median %.0f ms without them, %.0f ms with them (adds %.0f ms)%n",
                PLUGINS, loadAll[0], median(Arrays.copyOfRange(loadAll, 1, loadAll.length)), median(without), median(with),
                median(with) - median(without));
    }

    private static double startMillis(Path dataDir, Path pluginsDir) {
        long t = System.nanoTime();
        try (TestServer server = TestServer.start(dataDir, "--plugins-dir", pluginsDir.toString())) {
            return (System.nanoTime() - t) / 1e6;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void buildPlugin(Path src, Path target, int i) throws IOException {
        String pkg = "bench.p" + i;
        Path source = src.resolve(pkg.replace('.', '/')).resolve("BenchPlugin.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package %s;
                import dev.lectern.plugin.api.*;
                import java.util.*;
                public final class BenchPlugin implements LecturePlugin {
                    public PluginDescriptor descriptor() {
                        return new PluginDescriptor("bench-%d", "Bench %d", "Benchmarks", "Does nothing.", "1.0.0",
                                PluginApi.VERSION, List.of("x"));
                    }
                    public List<ParamSpec> hyperParameters() {
                        return List.of(ParamSpec.ofInt("epochs", "Epochs", 1, 1, 10, "unused"));
                    }
                    public Set<DatasetKind> datasetKinds() { return Set.of(DatasetKind.TABLE); }
                    public TrainedModel train(TrainingContext context) { throw new UnsupportedOperationException(); }
                    public TrainedModel load(java.nio.file.Path d, ai.djl.Device device) { throw new UnsupportedOperationException(); }
                }
                """.formatted(pkg, i, i));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(src.resolve("classes"));
        int status = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                source.toString());
        if (status != 0) {
            throw new IllegalStateException("could not compile " + source);
        }
        Files.createDirectories(target);
        try (OutputStream out = Files.newOutputStream(target.resolve("plugin.jar")); JarOutputStream jar = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/dev.lectern.plugin.api.LecturePlugin"));
            jar.write((pkg + ".BenchPlugin\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }

}
