package dev.lectern.plugin.charrnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.plugin.api.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** Characters in order of first appearance, whole code points, a cap for large alphabets, and prompt checks. */
class VocabularyTest {

    @Test
    void helloGivesTheLecturesVocabularyInItsOrder() {
        Vocabulary v = Vocabulary.of("hello", Vocabulary.MAX_SIZE);
        assertThat(v.displayAll()).containsExactly("h", "e", "l", "o");
        assertThat(v.encodeCorpus("hello")).containsExactly(0, 1, 2, 2, 3);
        assertThat(v.decode(new int[] {1, 2, 2, 3})).isEqualTo("ello");
        assertThat(v.capped()).isFalse();
    }

    @Test
    void charactersOutsideTheBasicPlaneCountAsOne() {
        Vocabulary v = Vocabulary.of("a😀a😀b", Vocabulary.MAX_SIZE);
        assertThat(v.size()).isEqualTo(3);
        assertThat(v.encodeCorpus("a😀b")).containsExactly(0, 1, 2);
        assertThat(Vocabulary.ofCodePoints(v.codePoints()).decode(new int[] {1, 0}))
                .isEqualTo("😀a");
    }

    @Test
    void aLargeAlphabetKeepsTheMostFrequentCharactersAndFoldsTheRestIntoTheReplacement() {
        StringBuilder text = new StringBuilder("aaaabbbc");
        for (int c = 0x4E00; c < 0x4E00 + 10; c++) {
            text.appendCodePoint(c);
        }
        Vocabulary v = Vocabulary.of(text.toString(), 3);
        assertThat(v.displayAll()).containsExactly("a", "b", "\uFFFD");
        assertThat(v.capped()).isTrue();
        assertThat(v.encodeCorpus("abc\u4E00")).containsExactly(0, 1, 2, 2);
        assertThat(Vocabulary.ofCodePoints(v.codePoints()).capped()).isTrue();
    }

    @Test
    void aPromptWithUnknownCharactersIsRejectedNamingTheFieldAndTheCharacters() {
        Vocabulary v = Vocabulary.of("hello", Vocabulary.MAX_SIZE);
        assertThat(v.encodePrompt("hell", "prompt")).containsExactly(0, 1, 2, 2);
        assertThatThrownBy(() -> v.encodePrompt("help!", "prompt"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).isEqualTo("prompt");
                    assertThat(e.getMessage()).contains("'p'", "'!'");
                });
    }
}
