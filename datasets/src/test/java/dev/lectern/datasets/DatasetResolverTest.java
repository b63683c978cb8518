package dev.lectern.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.lectern.datasets.load.CsvFormat;
import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetResolverTest {

    private static final byte[] GOOD = "1,2\n3,4\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BAD = "1,2\n3,5\n".getBytes(StandardCharsets.US_ASCII);
    private static final Downloader NEVER = (url, target, listener) -> {
        throw new AssertionError("no download expected, asked for " + url);
    };

    @TempDir
    Path temp;

    private Path mirror;
    private Path cache;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, byte[]> served = Map.of("/good/tiny.csv", GOOD, "/bad/tiny.csv", BAD);

    @BeforeEach
    void startServer() throws IOException {
        mirror = Files.createDirectory(temp.resolve("mirror"));
        cache = temp.resolve("cache");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = served.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static DatasetSpec spec(URI... urls) throws IOException {
        Path tmp = Files.createTempFile("tiny", ".csv");
        Files.write(tmp, GOOD);
        String sha = Checksums.sha256(tmp);
        Files.delete(tmp);
        return DatasetSpec.file(
                "tiny",
                "Tiny",
                DatasetKind.TABLE,
                List.of(new Column("x", ColumnRole.FEATURE), new Column("y", ColumnRole.LABEL)),
                "two rows",
                "none",
                "tiny.csv",
                sha,
                List.of(urls),
                CsvFormat.DEFAULT);
    }

    private DatasetResolver resolver(Downloader downloader) {
        return new DatasetResolver(Optional.of(mirror), cache, downloader);
    }

    @Test
    void goodMirrorFileIsUsedWithoutTouchingCacheOrNetwork() throws IOException {
        Files.write(mirror.resolve("tiny.csv"), GOOD);

        Path found = resolver(NEVER).resolve(spec(url("/good/tiny.csv")), FetchListener.NONE);

        assertThat(found).isEqualTo(mirror.resolve("tiny.csv"));
        assertThat(cache).doesNotExist();
    }

    @Test
    void badMirrorFileFallsThroughToAGoodCacheFileAndIsLeftAlone() throws IOException {
        Files.write(mirror.resolve("tiny.csv"), BAD);
        Files.createDirectories(cache);
        Files.write(cache.resolve("tiny.csv"), GOOD);

        Path found = resolver(NEVER).resolve(spec(url("/good/tiny.csv")), FetchListener.NONE);

        assertThat(found).isEqualTo(cache.resolve("tiny.csv"));
        assertThat(mirror.resolve("tiny.csv")).hasBinaryContent(BAD);
    }

    @Test
    void downloadLandsInCacheVerifiedAndTheSecondResolveMakesNoRequest() throws IOException {
        Files.write(mirror.resolve("tiny.csv"), BAD);
        DatasetSpec spec = spec(url("/good/tiny.csv"));
        DatasetResolver resolver = resolver(new HttpDownloader());
        List<FetchEvent> events = new CopyOnWriteArrayList<>();

        Path first = resolver.resolve(spec, events::add);
        Path second = resolver.resolve(spec, FetchListener.NONE);
        Path third = new DatasetResolver(Optional.empty(), cache, NEVER).resolve(spec, FetchListener.NONE);

        assertThat(first).isEqualTo(cache.resolve("tiny.csv")).isEqualTo(second).isEqualTo(third);
        assertThat(first).hasBinaryContent(GOOD);
        assertThat(Checksums.sha256(first)).isEqualTo(spec.sha256());
        assertThat(requests).hasValue(1);
        assertThat(events).anySatisfy(e -> assertThat(e.bytes()).isEqualTo(GOOD.length));
        assertThat(cache).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void corruptCacheFileIsDeletedAndReplacedByADownload() throws IOException {
        Files.createDirectories(cache);
        Files.write(cache.resolve("tiny.csv"), BAD);

        Path found = resolver(new HttpDownloader()).resolve(spec(url("/good/tiny.csv")), FetchListener.NONE);

        assertThat(found).hasBinaryContent(GOOD);
        assertThat(requests).hasValue(1);
    }

    @Test
    void corruptCacheFileIsDeletedEvenWhenNothingReplacesIt() throws IOException {
        Files.createDirectories(cache);
        Files.write(cache.resolve("tiny.csv"), BAD);

        assertThatThrownBy(() ->
                        resolver(new HttpDownloader()).resolve(spec(url("/nothing/tiny.csv")), FetchListener.NONE))
                .hasMessageContaining("cache " + cache.resolve("tiny.csv") + " (checksum mismatch: expected ")
                .hasMessageContaining(", deleted)");
        assertThat(cache.resolve("tiny.csv")).doesNotExist();
    }

    @Test
    void downloadWithWrongContentFailsNamingTheDataSetAndEverySource() throws IOException {
        URI bad = url("/bad/tiny.csv");
        URI missing = url("/nothing/tiny.csv");

        assertThatThrownBy(() -> resolver(new HttpDownloader()).resolve(spec(bad, missing), FetchListener.NONE))
                .isInstanceOfSatisfying(
                        DatasetUnavailableException.class,
                        e -> assertThat(e.attempts()).hasSize(4))
                .hasMessageStartingWith("data set 'tiny' is not available; tried: ")
                .hasMessageContaining("mirror " + mirror.resolve("tiny.csv") + " (missing)")
                .hasMessageContaining("cache " + cache.resolve("tiny.csv") + " (missing)")
                .hasMessageContaining(bad + " (checksum mismatch: expected ")
                .hasMessageContaining(missing + " (HTTP 404)");
        assertThat(cache.resolve("tiny.csv")).doesNotExist();
        assertThat(cache).isDirectoryNotContaining("glob:**.part");
        assertThat(requests).hasValue(2);
    }

    @Test
    void allSourcesFailingListsMirrorCacheAndUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + closedPort + "/tiny.csv");

        assertThatThrownBy(() -> resolver(new HttpDownloader()).resolve(spec(closed), FetchListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("data set 'tiny'")
                .hasMessageContaining("mirror " + mirror.resolve("tiny.csv") + " (missing)")
                .hasMessageContaining("cache " + cache.resolve("tiny.csv") + " (missing)")
                .hasMessageContaining(closed + " (could not connect)")
                .hasMessageNotContaining("null");
    }

    @Test
    void missingMirrorSettingIsReported() {
        DatasetResolver resolver = new DatasetResolver(Optional.empty(), cache, (url, target, listener) -> {
            throw new IOException("offline");
        });

        assertThatThrownBy(() -> resolver.resolve(spec(url("/good/tiny.csv")), FetchListener.NONE))
                .hasMessageContaining("tried: mirror (none configured), cache ")
                .hasMessageEndingWith("/good/tiny.csv (offline)");
    }

    @Test
    void concurrentResolvesOfOneFileDownloadItOnce() throws Exception {
        DatasetSpec spec = spec(url("/good/tiny.csv"));
        DatasetResolver resolver = resolver(new HttpDownloader());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> results = pool.invokeAll(List.of(
                    () -> resolver.resolve(spec, FetchListener.NONE), () -> resolver.resolve(spec, FetchListener.NONE),
                    () -> resolver.resolve(spec, FetchListener.NONE),
                            () -> resolver.resolve(spec, FetchListener.NONE)));
            for (Future<Path> result : results) {
                assertThat(result.get()).hasBinaryContent(GOOD);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(requests).hasValue(1);
    }

    @Test
    void generatedSpecsHaveNoFileToResolve() {
        DatasetSpec generated =
                DatasetCatalog.builtIn().find("linear-synthetic").orElseThrow();

        assertThatThrownBy(() -> resolver(NEVER).resolve(generated, FetchListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("linear-synthetic");
    }
}
