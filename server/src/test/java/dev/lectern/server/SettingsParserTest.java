package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsParserTest {

    @Test
    void defaultsMatchTheDesignContract() {
        Settings s = new SettingsParser(Map.of()).parse();
        assertThat(s.port()).isEqualTo(7070);
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(s.jdbcUrl())
                .isEqualTo("jdbc:h2:file:" + Path.of("data", "lectern").toAbsolutePath());
        assertThat(s.pluginsDir()).isEqualTo(Path.of("data", "plugins").toAbsolutePath());
        assertThat(s.concurrency()).isEqualTo(1);
        assertThat(s.device()).isEqualTo("auto");
        assertThat(s.datasetMirror()).isEmpty();
        assertThat(s.token()).isEmpty();
        assertThat(s.maxUploadMb()).isEqualTo(20);
        assertThat(s.maxUploadBytes()).isEqualTo(20L * 1024 * 1024);
        assertThat(s.uploadsDir()).isEqualTo(Path.of("data", "uploads").toAbsolutePath());
        assertThat(s.timeLimit()).isEqualTo(Duration.ofHours(24));
        // The hardening and classroom settings, with the defaults the README's settings table states.
        assertThat(s.maxQueued()).isEqualTo(500);
        assertThat(s.maxRunExamples()).isEqualTo(20_000_000L);
        assertThat(s.accounts()).isFalse();
        assertThat(s.maxQueuedPerUser()).isEqualTo(20);
        assertThat(s.pauseLimit()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.allowedHosts()).contains("127.0.0.1", "localhost", "::1");
    }

    @Test
    void thePublicUrlsHostJoinsTheAllowedHostsUnlessTheyAreListed() {
        SettingsParser parser = new SettingsParser(Map.of());
        assertThat(parser.parse("--public-url", "https://lectern.school.example/")
                        .allowedHosts())
                .contains("lectern.school.example", "127.0.0.1", "localhost", "::1");
        assertThat(parser.parse("--allowed-hosts", "a.example, B.example").allowedHosts())
                .containsExactly("a.example", "b.example");
        assertThat(new SettingsParser(Map.of("LECTERN_MAX_QUEUED", "7")).parse().maxQueued())
                .isEqualTo(7);
        assertThat(new SettingsParser(Map.of("LECTERN_MAX_QUEUED_PER_USER", "3"))
                        .parse()
                        .maxQueuedPerUser())
                .isEqualTo(3);
    }

    @Test
    void theUploadLimitComesFromTheFlagOrTheEnvironment() {
        assertThat(new SettingsParser(Map.of()).parse("--max-upload-mb", "1").maxUploadBytes())
                .isEqualTo(1L << 20);
        assertThat(new SettingsParser(Map.of("LECTERN_MAX_UPLOAD_MB", "300"))
                        .parse()
                        .maxUploadMb())
                .isEqualTo(300);
        assertThat(new SettingsParser(Map.of("LECTERN_MAX_UPLOAD_MB", "300"))
                        .parse("--max-upload-mb=5")
                        .maxUploadMb())
                .isEqualTo(5);
    }

    @Test
    void timeLimitsReadAsDurations() {
        SettingsParser parser = new SettingsParser(Map.of());
        assertThat(parser.parse("--time-limit", "90s").timeLimit()).isEqualTo(Duration.ofSeconds(90));
        assertThat(parser.parse("--time-limit", "30m").timeLimit()).isEqualTo(Duration.ofMinutes(30));
        assertThat(parser.parse("--time-limit", "2d").timeLimit()).isEqualTo(Duration.ofDays(2));
        assertThat(parser.parse("--time-limit", "45").timeLimit()).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> parser.parse("--time-limit", "soon")).hasMessageContaining("--time-limit");
        assertThatThrownBy(() -> parser.parse("--time-limit", "0s")).hasMessageContaining("longer than zero");
    }

    @Test
    void flagsWinOverEnvironmentVariables() {
        Map<String, String> env =
                Map.of("LECTERN_PORT", "8080", "LECTERN_DATA_DIR", "/srv/env", "LECTERN_CONCURRENCY", "3");
        Settings s = new SettingsParser(env).parse("--port=9090", "--device", "cpu");
        assertThat(s.port()).isEqualTo(9090);
        assertThat(s.dataDir()).isEqualTo(Path.of("/srv/env"));
        assertThat(s.pluginsDir()).isEqualTo(Path.of("/srv/env/plugins"));
        assertThat(s.concurrency()).isEqualTo(3);
        assertThat(s.device()).isEqualTo("cpu");
    }

    @Test
    void badValuesNameTheFlag() {
        SettingsParser parser = new SettingsParser(Map.of());
        assertThatThrownBy(() -> parser.parse("--port", "http")).hasMessageContaining("--port");
        assertThatThrownBy(() -> parser.parse("--port", "70000")).hasMessageContaining("--port");
        assertThatThrownBy(() -> parser.parse("--concurrency", "0")).hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> parser.parse("--device", "tpu")).hasMessageContaining("--device");
        assertThatThrownBy(() -> parser.parse("--max-upload-mb", "0")).hasMessageContaining("--max-upload-mb");
        assertThatThrownBy(() -> parser.parse("--max-upload-mb", "20MB")).hasMessageContaining("--max-upload-mb");
        assertThatThrownBy(() -> parser.parse("--colour", "blue")).hasMessageContaining("unknown flag --colour");
        assertThatThrownBy(() -> parser.parse("--port")).hasMessageContaining("needs a value");
    }

    @Test
    void bindingBeyondLoopbackRequiresAToken() {
        SettingsParser parser = new SettingsParser(Map.of());
        assertThatThrownBy(() -> parser.parse("--host", "0.0.0.0")).hasMessageContaining("--token");
        assertThat(parser.parse("--host", "0.0.0.0", "--token", "s3cret").token())
                .contains("s3cret");
        assertThat(new SettingsParser(Map.of("LECTERN_TOKEN", "t"))
                        .parse("--host", "0.0.0.0")
                        .token())
                .contains("t");
    }

    @Test
    void accountsInPlaceOfATokenAlsoOpenTheServerBeyondLoopback() {
        SettingsParser parser = new SettingsParser(Map.of());
        assertThatThrownBy(() -> parser.parse("--host", "0.0.0.0")).hasMessageContaining("--accounts");
        Settings flag = parser.parse("--host", "0.0.0.0", "--accounts");
        assertThat(flag.accounts()).as("--accounts alone means on").isTrue();
        assertThat(flag.token()).isEmpty();
        assertThat(new SettingsParser(Map.of("LECTERN_ACCOUNTS", "true"))
                        .parse("--host", "0.0.0.0")
                        .accounts())
                .isTrue();
        assertThat(parser.parse("--accounts=off").accounts()).isFalse();
        assertThatThrownBy(() -> parser.parse("--accounts=maybe")).hasMessageContaining("--accounts");
    }
}
