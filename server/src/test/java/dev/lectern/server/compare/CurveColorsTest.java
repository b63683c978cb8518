package dev.lectern.server.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.web.page.ComparePage.ColorKey;
import dev.lectern.web.page.ComparePage.CompareColors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Curves coloured by a hyperparameter: one colour per value, numbers on an ordered scale by rank, and every colour at
 * least 3:1 against the chart's white and the page's background (WCAG 1.4.11).
 */
class CurveColorsTest {

    private static final List<String> BACKGROUNDS = List.of("#ffffff", "#f6f5f1");

    @Test
    void runsWithOneValueShareAColourAndNumbersAreOrderedByRank() {
        CompareColors colors = CurveColors.of("learningRate", Arrays.asList(0.1, 0.001, 0.01, 0.1, null, 0.001, 1));
        assertThat(colors.ordered()).isTrue();
        assertThat(colors.legend()).extracting(ColorKey::value).containsExactly("0.001", "0.01", "0.1", "1", "not set");
        assertThat(colors.legend()).extracting(ColorKey::runs).containsExactly(2, 1, 2, 1, 1);
        List<String> runs = colors.runColors();
        assertThat(runs.get(0)).isEqualTo(runs.get(3));
        assertThat(runs.get(1)).isEqualTo(runs.get(5));
        assertThat(runs.get(4)).isEqualTo(CurveColors.MISSING);
        assertThat(colors.legend().get(0).color())
                .as("smallest at the scale's start")
                .isEqualTo(CurveColors.SCALE.get(0));
        assertThat(colors.legend().get(3).color()).as("largest at its end").isEqualTo(CurveColors.SCALE.get(3));
        assertThat(colors.legend().stream().map(ColorKey::color).distinct()).hasSize(5);
        // Along the scale the colours move away from its start: the order is visible.
        double previous = -1;
        for (int i = 0; i < 4; i++) {
            double distance = distance(colors.legend().get(i).color(), CurveColors.SCALE.get(0));
            assertThat(distance).isGreaterThan(previous);
            previous = distance;
        }
    }

    @Test
    void wholeAndFractionalNumbersOfOneValueAreOneValueAndTextIsNotOrdered() {
        CompareColors epochs = CurveColors.of("epochs", List.of(300, 300.0, 100));
        assertThat(epochs.legend()).extracting(ColorKey::value).containsExactly("100", "300");
        assertThat(epochs.runColors().get(0)).isEqualTo(epochs.runColors().get(1));

        CompareColors cells = CurveColors.of("cell", List.of("lstm", "gru", "lstm", true));
        assertThat(cells.ordered()).isFalse();
        assertThat(cells.legend()).extracting(ColorKey::value).containsExactly("gru", "lstm", "true");
        assertThat(cells.runColors().get(0))
                .isEqualTo(cells.runColors().get(2))
                .isNotEqualTo(cells.runColors().get(1));
    }

    @Test
    void everyColourStandsOutFromTheBackgroundByAtLeastThreeToOne() {
        List<String> all = new ArrayList<>(CurveColors.CATEGORIES);
        all.add(CurveColors.MISSING);
        for (int i = 0; i <= 100; i++) {
            all.add(CurveColors.onScale(i / 100.0));
        }
        for (String color : all) {
            for (String background : BACKGROUNDS) {
                assertThat(contrast(color, background))
                        .as(color + " on " + background)
                        .isGreaterThanOrEqualTo(3.0);
            }
        }
    }

    private static double distance(String a, String b) {
        int x = Integer.parseInt(a.substring(1), 16);
        int y = Integer.parseInt(b.substring(1), 16);
        double sum = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double d = (x >> shift & 255) - (y >> shift & 255);
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double[] c = {(rgb >> 16 & 255) / 255.0, (rgb >> 8 & 255) / 255.0, (rgb & 255) / 255.0};
        for (int i = 0; i < 3; i++) {
            c[i] = c[i] <= 0.04045 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
