package dev.lectern.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.web.Messages;
import org.junit.jupiter.api.Test;

/** The messages are the API's own, from ParamSpec.parse: a change in their wording shows here. */
class ErrorTextTest {

    private static final ParamSpec RATE = ParamSpec.ofDouble("learningRate", "학습률 α", 0.01, 1e-7, 10, "");
    private static final ParamSpec EPOCHS = ParamSpec.ofInt("epochs", "에폭", 10, 1, 100000, "");
    private static final ParamSpec CELL = ParamSpec.ofChoice("cell", "셀", "rnn", java.util.List.of("rnn", "lstm"), "");

    @Test
    void theFieldMessagesOfParamSpecReadInKorean() {
        assertThat(korean(RATE, 1000)).isEqualTo("학습률 α: 10 이하로 입력하세요 (입력값: 1000)");
        assertThat(korean(RATE, 0)).isEqualTo("학습률 α: 0.0000001 이상으로 입력하세요 (입력값: 0)");
        assertThat(korean(RATE, "abc")).isEqualTo("학습률 α: 숫자를 입력하세요 (입력값: 'abc')");
        assertThat(korean(EPOCHS, "1.5")).isEqualTo("에폭: 정수를 입력하세요 (입력값: '1.5')");
        assertThat(korean(EPOCHS, 0)).isEqualTo("에폭: 1 이상으로 입력하세요 (입력값: 0)");
        assertThat(korean(CELL, "gru")).isEqualTo("셀: rnn, lstm 중 하나를 고르세요 (입력값: 'gru')");
    }

    @Test
    void englishStaysAsItIsAndAnUnknownShapeStaysEnglish() {
        String message = message(RATE, 1000);
        assertThat(ErrorText.in(message, Messages.ENGLISH)).isEqualTo(message);
        assertThat(ErrorText.in("the queue is full", Messages.KOREAN)).isEqualTo("the queue is full");
        assertThat(ErrorText.in(null, Messages.KOREAN)).isNull();
        assertThat(ErrorText.in("no plugin 'x' is loaded", Messages.KOREAN)).isEqualTo("플러그인 'x'이(가) 로드되어 있지 않습니다");
    }

    private static String korean(ParamSpec spec, Object value) {
        return ErrorText.in(message(spec, value), Messages.KOREAN);
    }

    private static String message(ParamSpec spec, Object value) {
        return catchThrowableOfType(() -> spec.parse(value), InvalidParameterException.class)
                .getMessage();
    }
}
