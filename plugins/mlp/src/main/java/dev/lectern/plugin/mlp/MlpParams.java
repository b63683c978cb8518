package dev.lectern.plugin.mlp;

import dev.lectern.plugin.api.ParamSpec;
import java.util.List;
import java.util.Map;

/**
 * The declared hyperparameters and the settings per lecture data set. The declared defaults suit a small table of a
 * few features; {@link #XOR} and {@link #MNIST} are what a student gets on the lecture's own data sets.
 */
final class MlpParams {

    static final String HIDDEN_LAYERS = "hiddenLayers";
    static final String ACTIVATION = "activation";
    static final String INIT = "init";
    static final String DROPOUT = "dropout";
    static final String OPTIMIZER = "optimizer";
    static final String LEARNING_RATE = "learningRate";
    static final String BATCH_SIZE = "batchSize";
    static final String EPOCHS = "epochs";
    static final String FEATURE_SCALING = "featureScaling";
    static final String SEED = "seed";

    /**
     * XOR: a 2-4-2 sigmoid net with Xavier initialisation and Adam (α = 0.1) on the full batch of the four raw points.
     * The lab's 2-2-1 sigmoid net with plain gradient descent needs 10 000 steps and can get stuck for unlucky seeds;
     * four hidden units and Adam reach 100 % for every seed we tried within a few hundred steps (MlpAccuracyTest).
     */
    static final Map<String, Object> XOR = Map.of(
            HIDDEN_LAYERS, "4",
            ACTIVATION, "sigmoid",
            INIT, "xavier",
            OPTIMIZER, "adam",
            LEARNING_RATE, 0.1,
            BATCH_SIZE, 0,
            EPOCHS, 1000,
            DROPOUT, 0.0,
            FEATURE_SCALING, "none");

    /** MNIST: the lab's 784-256-10 ReLU net with Adam 0.001 and batches of 100, for 5 epochs (≥ 97.5 % test accuracy). */
    static final Map<String, Object> MNIST = Map.of(
            HIDDEN_LAYERS,
            "256",
            ACTIVATION,
            "relu",
            INIT,
            "he",
            OPTIMIZER,
            "adam",
            LEARNING_RATE,
            0.001,
            BATCH_SIZE,
            100,
            EPOCHS,
            5,
            DROPOUT,
            0.0);

    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.ofText(
                    HIDDEN_LAYERS,
                    "Hidden layers",
                    "10",
                    100,
                    "Widths of the hidden layers, input side first, separated by commas (10,10,10 is three layers of "
                            + "10 units; at most " + HiddenLayers.MAX_LAYERS + " layers of " + HiddenLayers.MAX_WIDTH
                            + "). none is no hidden layer: logistic/softmax regression, which cannot learn XOR."),
            ParamSpec.ofChoice(
                    ACTIVATION,
                    "Activation",
                    "relu",
                    List.of("sigmoid", "tanh", "relu"),
                    "Non-linearity after every hidden layer. Deep sigmoid nets suffer from vanishing gradients; "
                            + "ReLU does not."),
            ParamSpec.ofChoice(
                    INIT,
                    "Initial weights",
                    "xavier",
                    List.of("normal", "xavier", "he"),
                    "normal draws every weight and bias from N(0, 1) like the lab's random_normal; xavier uses "
                            + "N(0, 2/(fan-in + fan-out)), he N(0, 2/fan-in), with zero biases."),
            ParamSpec.ofDouble(
                    DROPOUT,
                    "Dropout rate",
                    0.0,
                    0.0,
                    0.9,
                    "Share of hidden units switched off at random in every training step (never when predicting)."),
            ParamSpec.ofChoice(
                    OPTIMIZER,
                    "Optimizer",
                    "adam",
                    List.of("sgd", "momentum", "adam"),
                    "sgd is plain gradient descent; momentum adds velocity (0.9); adam adapts the step per weight."),
            ParamSpec.ofDouble(
                    LEARNING_RATE,
                    "Learning rate α",
                    0.01,
                    1e-7,
                    10,
                    "Step size of the optimizer. Too large and the loss jumps around or becomes NaN."),
            ParamSpec.ofInt(
                    BATCH_SIZE,
                    "Batch size",
                    0,
                    0,
                    1_000_000,
                    "Rows or images per gradient step; 0 means the full batch (one step per epoch)."),
            ParamSpec.ofInt(
                    EPOCHS,
                    "Epochs",
                    500,
                    1,
                    1_000_000,
                    "Passes over the training data. With full-batch training one epoch is one gradient step."),
            ParamSpec.ofChoice(
                    FEATURE_SCALING,
                    "Feature scaling",
                    "standardize",
                    List.of("none", "standardize"),
                    "Tables only: standardize rescales every feature to mean 0 and standard deviation 1. "
                            + "Images are always scaled to [0, 1]."),
            ParamSpec.ofInt(
                    SEED,
                    "Random seed",
                    42,
                    0,
                    Integer.MAX_VALUE,
                    "Fixes the initial weights, the batch order and the dropout masks, so a run can be repeated."));

    static Map<String, Object> defaultsFor(String datasetId) {
        return switch (datasetId) {
            case "xor" -> XOR;
            case "mnist" -> MNIST;
            default -> Map.of();
        };
    }

    private MlpParams() {}
}
