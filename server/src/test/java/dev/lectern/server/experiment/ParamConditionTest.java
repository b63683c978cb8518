package dev.lectern.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.plugin.api.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code hp} filter's syntax: what it reads, and a refusal naming {@code hp} and the fault for what it cannot. */
class ParamConditionTest {

    @Test
    void readsEveryOperatorCommasRepeatsAndQuotes() {
        List<ParamCondition> all = ParamCondition.parse(
                List.of("learningRate=0.01, epochs>100", "hidden<=64,hidden>=8", " x < 1e-3 ", "a!=b", "n==2"));
        assertThat(all)
                .extracting(ParamCondition::toString)
                .containsExactly("learningRate=0.01", "epochs>100", "hidden<=64", "hidden>=8", "x<1e-3", "a!=b", "n=2");
        assertThat(all.get(0).number()).contains(0.01);
        assertThat(all.get(4).number()).contains(0.001);
        assertThat(all.get(5).number()).isEmpty();
        assertThat(all.get(5).op()).isEqualTo(ParamCondition.Op.NE);

        ParamCondition quoted = ParamCondition.parse(List.of("prompt=\"to be, or not\",epochs>1"))
                .get(0);
        assertThat(quoted.value()).isEqualTo("to be, or not");
        assertThat(ParamCondition.parse(List.of("q=\"say \"\"hi\"\"\"")).get(0).value())
                .isEqualTo("say \"hi\"");
        assertThat(ParamCondition.parse(List.of("q=\"\"")).get(0).value()).isEmpty();
        assertThat(ParamCondition.parse(List.of("", " , "))).isEmpty();
    }

    @Test
    void badSyntaxIsRefusedNamingHpAndWhatIsWrong() {
        refused("epochs=>100", "unknown operator '=>'");
        refused("epochs~5", "unknown operator '~'");
        refused("epochs<>5", "unknown operator '<>'");
        refused("epochs", "write name=value");
        refused("=5", "name is missing");
        refused("my param=5", "'my param' is not a parameter name");
        refused("epochs>many", "> compares numbers, and 'many' is not one");
        refused("epochs>=", "the value is missing after >=");
        refused("epochs>NaN", "is not one");
        refused("name=\"open", "not closed");
        refused("name=a\"b\"", "quote the whole value");
        refused("a=1,".repeat(11), "at most 10 conditions");
    }

    private static void refused(String hp, String why) {
        assertThatThrownBy(() -> ParamCondition.parse(List.of(hp)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("hp: ")
                .hasMessageContaining(why)
                .satisfies(
                        e -> assertThat(((InvalidParameterException) e).field()).isEqualTo("hp"));
    }
}
