package dev.lectern.plugin.mlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.gradient.GradientCheck;
import dev.lectern.plugin.api.gradient.GradientCheckReport;
import dev.lectern.plugin.api.gradient.GradientCheckRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gradient check of networks the contract's tiny XOR run does not reach: every activation through two hidden
 * layers, and MNIST's 784-256-10 on real images, where most first-layer weights see a blank pixel.
 */
class MlpGradientTest {

    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "tanh", "relu"})
    void twoHiddenLayersOfEveryActivationPass(String activation) {
        TrainingData data = MlpTestData.noisyXor(10, 3);
        MlpNet net = randomNet(List.of("x1", "x2"), new int[] {5, 4}, activation, 2, 11);
        GradientCheckReport report = GradientCheck.run(
                MlpGradient.of(net, data, GradientCheck.Options.DEFAULT), GradientCheck.Options.DEFAULT);
        System.out.println("mlp 2-5-4-2 " + activation + ": " + report.describe());
        assertThat(report.passed()).as(report.describe()).isTrue();
        assertThat(report.rows())
                .extracting(GradientCheckRow::parameter)
                .containsOnly("W1", "b1", "W2", "b2", "W3", "b3");
    }

    @Test
    void mnistSizedNetworkOnRealImagesPasses() throws Exception {
        TrainingData mnist = MlpTestData.load("mnist");
        MlpNet net = randomNet(Collections.nCopies(784, "pixel"), new int[] {256}, "relu", 10, 5);
        float[] mean = new float[784];
        float[] scale = new float[784];
        Arrays.fill(scale, 255f);
        net = new MlpNet(
                net.featureNames(), net.hidden(), "relu", net.classNames(), net.weights(), net.biases(), mean, scale);
        GradientCheckReport report = GradientCheck.run(
                MlpGradient.of(net, mnist, GradientCheck.Options.DEFAULT), GradientCheck.Options.DEFAULT);
        System.out.println("mlp 784-256-10 on MNIST: " + report.describe());
        assertThat(report.passed()).as(report.describe()).isTrue();
        assertThat(report.batchRows()).isEqualTo(16);
    }

    /** Xavier-scaled random weights, small random biases. */
    private static MlpNet randomNet(List<String> inputs, int[] hidden, String activation, int classes, long seed) {
        Random random = new Random(seed);
        int[] sizes = MlpNet.sizes(inputs.size(), hidden, classes);
        List<float[]> weights = new ArrayList<>();
        List<float[]> biases = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            float[] w = new float[sizes[l] * sizes[l + 1]];
            double std = Math.sqrt(2.0 / (sizes[l] + sizes[l + 1]));
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (random.nextGaussian() * std);
            }
            float[] b = new float[sizes[l + 1]];
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) (0.1 * random.nextGaussian());
            }
            weights.add(w);
            biases.add(b);
        }
        List<String> classNames = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            classNames.add(Integer.toString(c));
        }
        float[] mean = new float[inputs.size()];
        float[] scale = new float[inputs.size()];
        Arrays.fill(scale, 1f);
        return new MlpNet(inputs, hidden, activation, classNames, weights, biases, mean, scale);
    }
}
