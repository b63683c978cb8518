package dev.lectern.server.http;

import dev.lectern.server.NotFoundException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Front-end libraries by name, without their versions: {@code /vendor/chart.js/chart.umd.js} is the {@code dist} file
 * of whichever Chart.js WebJar the build put on the class path. The versions live in the pom alone, so templates
 * need no edit when a library is upgraded.
 */
final class VendorAssets {

    private static final Map<String, String> LIBRARIES = Map.of("chart.js", "chart.js", "katex", "katex");
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final Map<String, String> TYPES = Map.of(
            "js",
            "text/javascript",
            "css",
            "text/css",
            "woff2",
            "font/woff2",
            "woff",
            "font/woff",
            "ttf",
            "font/ttf",
            "map",
            "application/json");

    private final Map<String, String> versions;

    VendorAssets() {
        versions = Map.of("chart.js", version("chart.js"), "katex", version("katex"));
    }

    /** The version of a WebJar on the class path, read from its Maven metadata. */
    private static String version(String artifact) {
        String resource = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = VendorAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the WebJar " + artifact + " is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(Context ctx) throws IOException {
        String library = ctx.pathParam("library");
        String path = ctx.path().substring(("/vendor/" + library + "/").length());
        if (!LIBRARIES.containsKey(library) || !SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            throw new NotFoundException("no vendor file at " + ctx.path());
        }
        String resource =
                "META-INF/resources/webjars/" + LIBRARIES.get(library) + "/" + versions.get(library) + "/dist/" + path;
        InputStream in = VendorAssets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new NotFoundException("no vendor file at " + ctx.path());
        }
        String extension = path.substring(path.lastIndexOf('.') + 1);
        ctx.contentType(TYPES.getOrDefault(extension, "application/octet-stream"));
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.result(in);
    }
}
