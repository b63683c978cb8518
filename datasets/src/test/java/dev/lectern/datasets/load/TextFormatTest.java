package dev.lectern.datasets.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFormatTest {

    private static final DatasetInfo INFO = new DatasetInfo("poem", "Poem", DatasetKind.TEXT, List.of(), "");

    @TempDir
    Path dir;

    @Test
    void windowsLineEndsAndTheByteOrderMarkAreDropped() throws IOException {
        Path file = write("\uFEFFRoses are red,\r\nviolets are blue.\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(TextFormat.UTF8.read(file, INFO).text()).isEqualTo("Roses are red,\nviolets are blue.\n");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirLine() throws IOException {
        Path file = write(new byte[] {'o', 'k', '\n', 'f', 'i', 'n', 'e', '\n', 'b', 'a', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> TextFormat.UTF8.read(file, INFO))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("not UTF-8 text");
    }

    @Test
    void binaryAndEmptyFilesAreRefused() throws IOException {
        assertThatThrownBy(() -> TextFormat.UTF8.read(write(new byte[] {'a', 0, 'b'}), INFO))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("looks binary");
        assertThatThrownBy(() -> TextFormat.UTF8.read(write(" \n\n".getBytes(StandardCharsets.UTF_8)), INFO))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("no text");
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "text", ".txt");
        Files.write(file, bytes);
        return file;
    }
}
