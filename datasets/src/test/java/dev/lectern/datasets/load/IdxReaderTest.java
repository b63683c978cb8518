package dev.lectern.datasets.load;

import static dev.lectern.datasets.TestFiles.gzip;
import static dev.lectern.datasets.TestFiles.idx;
import static dev.lectern.datasets.TestFiles.images;
import static dev.lectern.datasets.TestFiles.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.ImageSet;
import dev.lectern.plugin.api.LabelledImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {

    private static final List<String> DIGITS = IdxImagesFormat.DIGITS.classNames();

    @TempDir
    Path temp;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(temp.resolve(name), bytes);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsImagesAndLabelsRawOrGzipped(boolean gzipped) throws IOException {
        byte[] img = images(3, 2, 4);
        byte[] lab = labels(5, 0, 9);
        Path images = write("img", gzipped ? gzip(img) : img);
        Path labels = write("lab", gzipped ? gzip(lab) : lab);

        ImageSet set = IdxReader.readImages(images, labels, DIGITS);

        assertThat(set.count()).isEqualTo(3);
        assertThat(set.height()).isEqualTo(2);
        assertThat(set.width()).isEqualTo(4);
        assertThat(set.labels()).containsExactly(5, 0, 9);
        assertThat(set.pixels()).hasSize(24).containsExactly(Arrays.copyOfRange(img, 16, img.length));
        assertThat(set.pixels()[8 + 3]).as("image 1, pixel 3").isEqualTo((byte) 4);
        assertThat(set.classNames()).isEqualTo(DIGITS);
    }

    @Test
    void pixelsAreUnsigned() throws IOException {
        Path file = write("white", idx(new int[] {1, 1, 2}, new byte[] {(byte) 255, (byte) 128}));

        assertThat(Byte.toUnsignedInt(IdxReader.read(file, 3).data()[0])).isEqualTo(255);
    }

    @Test
    void badMagicNumberIsNamed() throws IOException {
        byte[] bytes = images(1, 2, 2);
        bytes[0] = 0x1f;
        bytes[1] = 0x00;
        Path file = write("train-images-idx3-ubyte", bytes);

        assertThatThrownBy(() -> IdxReader.read(file, 3))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("train-images-idx3-ubyte: bad magic number 0x1F000803; expected 0x00000803");
    }

    @Test
    void labelsGivenAsImagesAreABadMagicNumber() throws IOException {
        Path file = write("train-labels-idx1-ubyte", labels(1, 2));

        assertThatThrownBy(() -> IdxReader.read(file, 3))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("train-labels-idx1-ubyte: bad magic number 0x00000801: 1 dimension(s), expected 0x00000803 "
                        + "(3: images)");
    }

    @Test
    void wrongElementTypeIsNamed() throws IOException {
        Path file = write("floats", idx(0x0D, new int[] {1}, new byte[4]));

        assertThatThrownBy(() -> IdxReader.read(file, 1))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("floats: wrong element type 0x0D (float)");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncatedDataIsNamedWithWhatTheHeaderPromised(boolean gzipped) throws IOException {
        byte[] full = images(3, 2, 2);
        byte[] cut = Arrays.copyOf(full, full.length - 5);
        Path file = write("cut-images", gzipped ? gzip(cut) : cut);

        assertThatThrownBy(() -> IdxReader.read(file, 3))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(
                        "cut-images: truncated: the header promises 12 bytes of data (3 x 2 x 2), the file holds only 7");
    }

    @Test
    void truncatedHeaderAndTruncatedGzipStreamAreNamed() throws IOException {
        Path header = write("short", Arrays.copyOf(images(3, 2, 2), 9));
        byte[] gz = gzip(images(300, 28, 28));
        Path stream = write("short.gz", Arrays.copyOf(gz, gz.length / 2));

        assertThatThrownBy(() -> IdxReader.read(header, 3))
                .hasMessage("short: truncated: the file ends inside its header " + "of 3 dimension(s)");
        assertThatThrownBy(() -> IdxReader.read(stream, 3))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("short.gz: the gzip data is damaged or truncated");
    }

    @Test
    void extraBytesAfterTheDataAreRefused() throws IOException {
        byte[] full = images(2, 2, 2);
        Path file = write("long", Arrays.copyOf(full, full.length + 3));

        assertThatThrownBy(() -> IdxReader.read(file, 3))
                .hasMessage(
                        "long: the header promises 8 bytes of data (2 x 2 x 2) but the file holds 11; 3 extra bytes");
    }

    @Test
    void countMismatchNamesBothFiles() throws IOException {
        Path images = write("train-images-idx3-ubyte", images(3, 2, 2));
        Path labels = write("train-labels-idx1-ubyte", labels(1, 2));

        assertThatThrownBy(() -> IdxReader.readImages(images, labels, DIGITS))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("train-images-idx3-ubyte: holds 3 images but train-labels-idx1-ubyte holds 2 labels; "
                        + "the counts must match");
    }

    @Test
    void labelOutsideTheClassesIsNamed() throws IOException {
        Path images = write("img", images(2, 1, 1));
        Path labels = write("lab", labels(3, 10));

        assertThatThrownBy(() -> IdxReader.readImages(images, labels, DIGITS))
                .hasMessage("lab: label 10 of item 1 is outside 0..9");
    }

    @Test
    void formatReadsTrainAndTestFromFourFilesAndRefusesOtherCounts() throws IOException {
        List<Path> files = List.of(
                write("a", images(3, 2, 2)),
                write("b", labels(1, 2, 3)),
                write("c", gzip(images(2, 2, 2))),
                write("d", labels(4, 5)));
        DatasetInfo info = new DatasetInfo("tiny-digits", null, DatasetKind.IMAGES, List.of(), null);

        LabelledImages images = IdxImagesFormat.DIGITS.read(files, info).images();

        assertThat(images.train().count()).isEqualTo(3);
        assertThat(images.test().labels()).containsExactly(4, 5);
        assertThatThrownBy(() -> IdxImagesFormat.DIGITS.read(files.subList(0, 2), info))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 4 IDX files");
        assertThatThrownBy(() -> IdxImagesFormat.DIGITS.read(files.get(0), info))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("four IDX files, not one");
    }
}
