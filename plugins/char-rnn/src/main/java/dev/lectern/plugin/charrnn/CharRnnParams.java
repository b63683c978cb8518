package dev.lectern.plugin.charrnn;

import dev.lectern.plugin.api.ParamSpec;
import java.util.List;
import java.util.Map;

/**
 * The declared hyperparameters and the settings per lecture data set. The declared defaults suit a text of some
 * kilobytes to megabytes; {@link #HELLO} and {@link #SHAKESPEARE} are what a student gets on the lecture's own data
 * sets by pressing Run.
 */
final class CharRnnParams {

    static final String CELL = "cell";
    static final String HIDDEN_SIZE = "hiddenSize";
    static final String LAYERS = "layers";
    static final String SEQ_LENGTH = "seqLength";
    static final String BATCH_SIZE = "batchSize";
    static final String CLIP_NORM = "clipNorm";
    static final String LEARNING_RATE = "learningRate";
    static final String EPOCHS = "epochs";
    static final String STEPS_PER_EPOCH = "stepsPerEpoch";
    static final String TEMPERATURE = "temperature";
    static final String SAMPLE_LENGTH = "sampleLength";

    /**
     * hello: one step per epoch over "hell" → "ello" with a tanh RNN of 8 units and Adam 0.05. Measured over 12 seeds
     * for each cell: the predicted string is "ello" for good after 2–9 epochs (rnn), 9–15 (lstm) or 7–12 (gru), and
     * every right character ends with P ≥ 0.99. Adam 0.1 is twice as fast, but then the road from noise to "ello" is
     * over in three epochs and hard to watch; 100 epochs leave time to see the probabilities settle.
     */
    static final Map<String, Object> HELLO = Map.of(
            CELL, "rnn",
            HIDDEN_SIZE, 8,
            LAYERS, 1,
            SEQ_LENGTH, 4,
            BATCH_SIZE, 1,
            CLIP_NORM, 5.0,
            LEARNING_RATE, 0.05,
            EPOCHS, 100,
            STEPS_PER_EPOCH, 0);

    /**
     * Tiny Shakespeare: an LSTM of 128 units, 32 streams of 64 characters, Adam 0.005, clipping at 5, 15 epochs of 100
     * steps (1 500 steps, 3 million characters read). Measured with one thread on a shared, busy 2-core machine: 57 s,
     * loss 1.59 (perplexity 4.9), samples with speaker names, line breaks and mostly real words. An LSTM of 256 units
     * reached 1.61 after 1 000 steps against 1.69, but took five times as long.
     */
    static final Map<String, Object> SHAKESPEARE = Map.of(
            CELL, "lstm",
            HIDDEN_SIZE, 128,
            LAYERS, 1,
            SEQ_LENGTH, 64,
            BATCH_SIZE, 32,
            CLIP_NORM, 5.0,
            LEARNING_RATE, 0.005,
            EPOCHS, 15,
            STEPS_PER_EPOCH, 100);

    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.ofChoice(
                    CELL,
                    "Cell",
                    "lstm",
                    CellType.ids(),
                    "rnn is the plain tanh cell of the lecture; lstm and gru add gates that let the gradient flow "
                            + "back through many steps without vanishing."),
            ParamSpec.ofInt(HIDDEN_SIZE, "Hidden size", 128, 1, 1024, "Units in the hidden state h_t of every layer."),
            ParamSpec.ofInt(
                    LAYERS,
                    "Layers",
                    1,
                    1,
                    4,
                    "Stacked recurrent layers; each reads the hidden states of the one below."),
            ParamSpec.ofInt(
                    SEQ_LENGTH,
                    "Sequence length (BPTT)",
                    64,
                    1,
                    512,
                    "Time steps the gradient flows back through (truncated backpropagation through time). The "
                            + "hidden state is carried on from window to window, but not its gradient."),
            ParamSpec.ofInt(
                    BATCH_SIZE,
                    "Batch size",
                    32,
                    1,
                    512,
                    "Parallel streams the text is cut into and read side by side; fewer when the text is short."),
            ParamSpec.ofDouble(
                    CLIP_NORM,
                    "Gradient clipping (global norm)",
                    5.0,
                    0.0,
                    1000.0,
                    "When the gradient of all weights together is longer than this, it is scaled down to this "
                            + "length. 0 turns clipping off."),
            ParamSpec.ofDouble(
                    LEARNING_RATE, "Learning rate (Adam)", 0.002, 1e-6, 1.0, "Step size of the Adam optimizer."),
            ParamSpec.ofInt(
                    EPOCHS,
                    "Epochs",
                    10,
                    1,
                    100_000,
                    "Rounds of training; after each, the page shows the loss, the perplexity and a generated sample."),
            ParamSpec.ofInt(
                    STEPS_PER_EPOCH,
                    "Steps per epoch",
                    100,
                    0,
                    1_000_000,
                    "Gradient steps (windows) per epoch, so that epochs stay short on a large text; the next epoch "
                            + "reads on where the last one stopped. 0 means one full pass over the text."),
            ParamSpec.ofDouble(
                    TEMPERATURE,
                    "Sampling temperature",
                    0.8,
                    0.05,
                    5.0,
                    "Divides the scores before the softmax when sampling after every epoch: below 1 is safer and "
                            + "more repetitive, above 1 more surprising and more misspelt."),
            ParamSpec.ofInt(
                    SAMPLE_LENGTH,
                    "Sample length",
                    200,
                    1,
                    2000,
                    "Characters generated after every epoch (texts of at most 32 characters show the predicted "
                            + "string instead)."),
            ParamSpec.ofInt(
                    "seed",
                    "Random seed",
                    42,
                    0,
                    Integer.MAX_VALUE,
                    "Fixes the initial weights and the sampling, so a run can be repeated."));

    static Map<String, Object> defaultsFor(String datasetId) {
        return switch (datasetId) {
            case "hello" -> HELLO;
            case "tinyshakespeare" -> SHAKESPEARE;
            default -> Map.of();
        };
    }

    private CharRnnParams() {}
}
