package dev.lectern.server.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.server.testing.FailingLecturePlugin;
import dev.lectern.server.testing.PluginJars;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken plugins are listed with their reason; the others still load. */
class PluginManagerTest {

    private static final String SERVICES = "META-INF/services/" + LecturePlugin.class.getName();

    @TempDir
    Path plugins;

    @Test
    void eachBrokenSourceIsReportedAndTheRestStillLoad() throws IOException {
        jar(
                plugins.resolve("missing-class").resolve("plugin.jar"),
                Map.of(SERVICES, "com.example.NoSuchPlugin\n".getBytes(StandardCharsets.UTF_8)));
        Files.createDirectories(plugins.resolve("no-jars"));
        Files.write(plugins.resolve("garbage.jar"), new byte[] {1, 2, 3, 4});
        jar(
                plugins.resolve("no-services").resolve("plugin.jar"),
                Map.of("readme.txt", "hi".getBytes(StandardCharsets.UTF_8)));
        String ownClass = FailingLecturePlugin.class.getName().replace('.', '/') + ".class";
        jar(
                plugins.resolve("same-id").resolve("plugin.jar"),
                Map.of(
                        SERVICES, (FailingLecturePlugin.class.getName() + "\n").getBytes(StandardCharsets.UTF_8),
                        ownClass, classBytes(ownClass)));

        PluginManager manager =
                new PluginManager(getClass().getClassLoader(), List.of(plugins, plugins.resolve("absent")));
        manager.loadAll();

        assertThat(manager.find("failing-test"))
                .as("the class-path plugin still loads")
                .isPresent();
        assertThat(error(manager, "missing-class"))
                .contains("com.example.NoSuchPlugin")
                .contains("not found");
        assertThat(error(manager, "no-jars")).contains("no .jar files");
        assertThat(error(manager, "garbage.jar")).isNotBlank();
        assertThat(error(manager, "no-services")).contains("no plugin found");
        assertThat(error(manager, "same-id")).contains("'failing-test' is already taken by classpath");
    }

    @Test
    void aPluginFromADirectoryGetsItsOwnClassLoaderButSharesTheApi() throws IOException {
        String ownClass = FailingLecturePlugin.class.getName().replace('.', '/') + ".class";
        jar(
                plugins.resolve("isolated").resolve("plugin.jar"),
                Map.of(
                        SERVICES, (FailingLecturePlugin.class.getName() + "\n").getBytes(StandardCharsets.UTF_8),
                        ownClass, classBytes(ownClass)));
        PluginManager manager = new PluginManager(new ApiOnlyLoader(getClass().getClassLoader()), List.of(plugins));
        manager.loadAll();
        PluginStatus status = manager.statuses().stream()
                .filter(s -> s.source().endsWith("isolated"))
                .findFirst()
                .orElseThrow();
        assertThat(status.error()).isEmpty();
        LecturePlugin plugin = status.plugin().orElseThrow();
        assertThat(plugin.descriptor().id()).isEqualTo("failing-test");
        assertThat(plugin).isInstanceOf(ClassLoaderSafeLecturePlugin.class);
        LecturePlugin inner = ((ClassLoaderSafeLecturePlugin) plugin).delegate();
        assertThat(inner.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
        assertThat(LecturePlugin.class.isAssignableFrom(inner.getClass()))
                .as("the API type is shared with the server")
                .isTrue();
        assertThat(plugin.hyperParameters().get(0).name()).isEqualTo("steps");
    }

    @Test
    void rescanLoadsJarsAddedSinceStartAndDropsRemovedOnes() throws IOException {
        PluginManager manager = new PluginManager(new ApiOnlyLoader(getClass().getClassLoader()), List.of(plugins));
        manager.loadAll();
        assertThat(manager.find("failing-test")).isEmpty();

        String ownClass = FailingLecturePlugin.class.getName().replace('.', '/') + ".class";
        jar(
                plugins.resolve("added").resolve("plugin.jar"),
                Map.of(
                        SERVICES, (FailingLecturePlugin.class.getName() + "\n").getBytes(StandardCharsets.UTF_8),
                        ownClass, classBytes(ownClass)));
        manager.rescan();
        assertThat(manager.find("failing-test")).as("added since start").isPresent();
        LecturePlugin first = manager.find("failing-test").orElseThrow();
        manager.rescan();
        assertThat(manager.find("failing-test"))
                .as("an unchanged source keeps its instance")
                .containsSame(first);

        Files.delete(plugins.resolve("added").resolve("plugin.jar"));
        Files.delete(plugins.resolve("added"));
        manager.rescan();
        assertThat(manager.find("failing-test")).as("removed").isEmpty();
        assertThat(manager.statuses()).noneMatch(s -> s.source().endsWith("added"));
    }

    @Test
    void aJarBuiltForAnotherMajorApiVersionIsRefusedBeforeItsClassesLoad() throws IOException {
        Path jar = plugins.resolve("future").resolve("plugin.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue(PluginManager.API_VERSION_ATTRIBUTE, "2.0.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(SERVICES));
            out.write("com.example.FuturePlugin\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        PluginManager manager = new PluginManager(getClass().getClassLoader(), List.of(plugins));
        manager.loadAll();
        assertThat(error(manager, "future"))
                .isEqualTo(
                        "plugin.jar was built for plugin API 2.0.0 but this server provides 1.4.0 (major versions differ)");
    }

    @Test
    void rescanReloadsARebuiltJarUnlessThePluginHasActiveRuns(@TempDir Path work) throws IOException {
        PluginJars.build(work, plugins.resolve("hot"), "t.hot.TestPlugin", PluginJars.source("t.hot", "hot", ""));
        java.util.concurrent.atomic.AtomicBoolean active = new java.util.concurrent.atomic.AtomicBoolean();
        PluginManager manager = new PluginManager(getClass().getClassLoader(), List.of(plugins));
        manager.busyWhen(id -> id.equals("hot") && active.get());
        manager.loadAll();
        assertThat(manager.find("hot").orElseThrow().descriptor().summary()).isEqualTo("Does nothing.");
        manager.rescan();
        assertThat(manager.statuses())
                .allSatisfy(st -> assertThat(st.note()).as("nothing changed").isEmpty());

        PluginJars.build(
                work.resolve("again"),
                plugins.resolve("hot"),
                "t.hot.TestPlugin",
                PluginJars.source("t.hot", "hot", "").replace("Does nothing.", "Does something new."));
        active.set(true);
        manager.rescan();
        PluginStatus kept = manager.statuses().stream()
                .filter(st -> st.id().equals("hot"))
                .findFirst()
                .orElseThrow();
        assertThat(kept.plugin().orElseThrow().descriptor().summary())
                .as("runs are active: the old build stays")
                .isEqualTo("Does nothing.");
        assertThat(kept.note())
                .hasValueSatisfying(n ->
                        assertThat(n).contains("jar changed").contains("hot").contains("rescan again"));

        active.set(false);
        manager.rescan();
        PluginStatus reloaded = manager.statuses().stream()
                .filter(st -> st.id().equals("hot"))
                .findFirst()
                .orElseThrow();
        assertThat(reloaded.plugin().orElseThrow().descriptor().summary())
                .as("the rebuilt jar's code answers")
                .isEqualTo("Does something new.");
        assertThat(reloaded.note()).hasValueSatisfying(n -> assertThat(n).startsWith("reloaded"));
    }

    @Test
    void aPluginThatThrowsInItsConstructorOrDeclaresInvalidMetadataIsListedWithTheReason(@TempDir Path work)
            throws IOException {
        PluginJars.build(
                work,
                plugins.resolve("explodes"),
                "t.explodes.TestPlugin",
                PluginJars.source(
                        "t.explodes", "explodes", "throw new IllegalStateException(\"no GPU driver configured\");"));
        PluginJars.build(
                work, plugins.resolve("bad-id"), "t.badid.TestPlugin", PluginJars.source("t.badid", "Bad_Id", ""));
        PluginJars.build(work, plugins.resolve("fine"), "t.fine.TestPlugin", PluginJars.source("t.fine", "fine", ""));
        PluginManager manager = new PluginManager(getClass().getClassLoader(), List.of(plugins));
        manager.loadAll();
        assertThat(error(manager, "explodes")).contains("no GPU driver configured");
        assertThat(error(manager, "bad-id")).contains("plugin id 'Bad_Id' must be lower-case words joined by '-'");
        assertThat(manager.find("fine")).as("the others still load").isPresent();
    }

    /** A server loader that does not see the test plugin class itself, as in production. */
    private static final class ApiOnlyLoader extends ClassLoader {
        ApiOnlyLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("dev.lectern.server.testing.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (name.equals(SERVICES)) {
                return Collections.emptyEnumeration();
            }
            return super.getResources(name);
        }
    }

    private static String error(PluginManager manager, String source) {
        return manager.statuses().stream()
                .filter(s -> s.source().endsWith(source))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no status for " + source + " in " + manager.statuses()))
                .error()
                .orElseThrow(() -> new AssertionError(source + " loaded but should have failed"));
    }

    private static byte[] classBytes(String resource) throws IOException {
        try (InputStream in = PluginManagerTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    private static void jar(Path file, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = new JarOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
    }
}
