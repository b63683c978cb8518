package dev.lectern.datasets.load;

import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.TrainingData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plain UTF-8 text file read as one string, such as a corpus for a character language model.
 *
 * <p>Windows line ends become {@code \n}, so that a model trained on a file saved on Windows does not learn a
 * {@code \r} character. Bytes that are not UTF-8 and NUL characters (a binary file) are refused with the line they
 * are on, rather than silently replaced.
 */
public final class TextFormat implements FileFormat {

    /** The one text format. */
    public static final TextFormat UTF8 = new TextFormat();

    private TextFormat() {}

    @Override
    public TrainingData read(Path file, DatasetInfo info) throws IOException {
        return TrainingData.ofText(info, readText(file, info.id()));
    }

    /**
     * Reads and checks a text file.
     *
     * @param file the file
     * @param source how to name the file in messages
     * @return the text with {@code \n} line ends
     * @throws DatasetFormatException when the file is empty, not UTF-8 or binary
     * @throws IOException when the file cannot be read
     */
    public static String readText(Path file, String source) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DatasetFormatException(source, lineOfFirstBadByte(bytes), 0, "the file is not UTF-8 text");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new DatasetFormatException(
                    source, lineOf(text, nul), 0, "the file contains NUL characters; it looks binary, not text");
        }
        text = text.replace("\r\n", "\n");
        if (text.isBlank()) {
            throw new DatasetFormatException(source, 1, 0, "the file has no text");
        }
        return text;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineOfFirstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }
}
