package dev.lectern.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Plugin folders for tests: the example external plugin as built, copies of it, and broken variants. */
public final class PluginFolders {

    /** The example plugin's id. */
    public static final String EXAMPLE_ID = "polynomial-regression";
    /** The example plugin's jar inside its folder. */
    public static final String EXAMPLE_JAR = "lectern-example-polynomial-regression-0.1.0-SNAPSHOT.jar";
    /** The example's drop-in folder, built by the reactor before the server (relative to the server module). */
    public static final Path EXAMPLE = Path.of("..", "plugins", "examples", EXAMPLE_ID, "target", "plugin", EXAMPLE_ID);

    private PluginFolders() {}

    /** Copies the example's folder to {@code to}, failing with advice when it has not been built. */
    public static void copyExample(Path to) throws IOException {
        if (!Files.exists(EXAMPLE.resolve(EXAMPLE_JAR))) {
            throw new IllegalStateException("the example plugin is not built at " + EXAMPLE.toAbsolutePath()
                    + "; run the whole reactor (mvn -B verify) so it builds before the server");
        }
        copy(EXAMPLE, to);
    }

    /** Copies the files of one folder (not sub-folders) into another. */
    public static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    Files.copy(in, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Rewrites a jar with the given Lectern-Plugin-Api-Version in its manifest, keeping every other entry. */
    public static void withApiVersion(Path jar, String version) throws IOException {
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar));
                OutputStream file = Files.newOutputStream(rewritten)) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Lectern-Plugin-Api-Version", version);
            try (JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes a folder and everything in it. */
    public static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * Fills a plugin folder with the example plugin and a copy of it built for plugin API 2.0.0 (which the server
     * refuses, with its reason), as the plugin pages' tests need.
     *
     * @param pluginsDir the folder
     */
    public static void exampleAndOneFromTheFuture(Path pluginsDir) throws IOException {
        copyExample(pluginsDir.resolve(EXAMPLE_ID));
        Path broken = pluginsDir.resolve("from-the-future");
        copyExample(broken);
        withApiVersion(broken.resolve(EXAMPLE_JAR), "2.0.0");
    }
}
