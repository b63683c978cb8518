package dev.lectern.server.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles one plugin class from source against the test class path and packs it as a plugin jar. */
public final class PluginJars {

    private PluginJars() {}

    /**
     * Builds {@code <folder>/plugin.jar} holding the class and its service registration.
     *
     * @param work a scratch directory
     * @param folder the plugin folder to create
     * @param className the fully qualified class name
     * @param source the Java source of the class
     */
    public static void build(Path work, Path folder, String className, String source) throws IOException {
        Path src = Files.createDirectories(work.resolve(folder.getFileName().toString() + "-src"));
        Path file = src.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = Files.createDirectories(src.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(
                        null,
                        null,
                        null,
                        "-classpath",
                        System.getProperty("java.class.path"),
                        "-d",
                        classes.toString(),
                        file.toString())
                != 0) {
            throw new IllegalStateException("could not compile " + file);
        }
        Files.createDirectories(folder);
        try (OutputStream out = Files.newOutputStream(folder.resolve("plugin.jar"));
                JarOutputStream jar = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/dev.lectern.plugin.api.LecturePlugin"));
            jar.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }

    /** Returns the source of a plugin class whose descriptor uses the given id, with optional constructor code. */
    public static String source(String pkg, String id, String constructorBody) {
        return """
                package %s;
                import dev.lectern.plugin.api.*;
                import java.util.*;
                public final class TestPlugin implements LecturePlugin {
                    public TestPlugin() { %s }
                    public PluginDescriptor descriptor() {
                        return new PluginDescriptor("%s", "Test %s", "Tests", "Does nothing.", "1.0.0", PluginApi.VERSION, List.of("x"));
                    }
                    public List<ParamSpec> hyperParameters() {
                        return List.of(ParamSpec.ofInt("epochs", "Epochs", 1, 1, 10, "unused"));
                    }
                    public Set<DatasetKind> datasetKinds() { return Set.of(DatasetKind.TABLE); }
                    public TrainedModel train(TrainingContext context) { throw new UnsupportedOperationException(); }
                    public TrainedModel load(java.nio.file.Path d, ai.djl.Device device) { throw new UnsupportedOperationException(); }
                }
                """.formatted(pkg, constructorBody, id, id);
    }
}
