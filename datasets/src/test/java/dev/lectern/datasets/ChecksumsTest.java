package dev.lectern.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {

    @Test
    void matchesKnownSha256Vectors(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty"));
        Path abc = Files.writeString(dir.resolve("abc"), "abc");

        assertThat(Checksums.sha256(empty))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Checksums.sha256(abc)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void streamsFilesLargerThanItsBuffer(@TempDir Path dir) throws IOException {
        Path big = Files.write(dir.resolve("big"), new byte[1_000_000]);

        assertThat(Checksums.sha256(big)).isEqualTo("d29751f2649b32ff572b5e0a9f541ea660a50f94ff0beedfb0b692b924cc8025");
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path dir) {
        assertThatThrownBy(() -> Checksums.sha256(dir.resolve("nope"))).isInstanceOf(IOException.class);
    }
}
