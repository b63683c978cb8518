package dev.lectern.plugin.charrnn;

import ai.djl.Device;
import dev.lectern.plugin.api.DataRequirements;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.PluginApi;
import dev.lectern.plugin.api.PluginDescriptor;
import dev.lectern.plugin.api.ResultLabel;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.support.ResultLabels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The character-level recurrent network: reads one-hot characters, predicts the next one, writes text. */
public final class CharRnnPlugin implements LecturePlugin {

    static final String ID = "char-rnn";

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(
                ID,
                "Char-RNN",
                "Lecture 12 — RNN, vanishing gradients, LSTM",
                "A recurrent network reads a text one character at a time, carries a hidden state from step to step "
                        + "and learns to predict the next character: from \"hell\" → \"ello\" to pseudo-Shakespeare.",
                "0.1.0",
                PluginApi.VERSION,
                List.of(
                        "h_t = \\tanh(x_t W_{xh} + h_{t-1} W_{hh} + b)",
                        "\\hat{y}_t = \\mathrm{softmax}(h_t W_{hy} + b_y)",
                        "\\mathrm{loss} = -\\frac{1}{T} \\sum_{t=1}^{T} \\log \\hat{y}_{t,\\,c_{t+1}}",
                        "\\mathrm{perplexity} = e^{\\mathrm{loss}}",
                        "\\frac{\\partial h_t}{\\partial h_{t-k}} = \\prod_{i=t-k+1}^{t} "
                                + "\\mathrm{diag}(1 - h_i^2)\\, W_{hh}^{\\top}",
                        "c_t = f_t \\odot c_{t-1} + i_t \\odot g_t,\\quad h_t = o_t \\odot \\tanh(c_t)",
                        "P(c) = \\frac{e^{s_c / \\tau}}{\\sum_{c'} e^{s_{c'} / \\tau}}"));
    }

    @Override
    public String guide() {
        return CharRnnGuide.TEXT;
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return CharRnnParams.SPECS;
    }

    /** The learning rate may change while the run trains: Adam reads it before each step. */
    @Override
    public Set<String> liveParameters() {
        return Set.of(CharRnnParams.LEARNING_RATE);
    }

    /** The loss and what it means in characters first; the gradient norm, a diagnostic, last. */
    @Override
    public List<String> chartOrder() {
        return List.of("loss", "lossPerEpoch", "perplexity", "P(right next char)", "gradNorm");
    }

    @Override
    public Set<DatasetKind> datasetKinds() {
        return Set.of(DatasetKind.TEXT);
    }

    @Override
    public DataRequirements dataRequirements() {
        // A character stream; the next character is the label, so the data set has none.
        return DataRequirements.any().withoutLabel().withPreferredDataset("hello");
    }

    @Override
    public Map<String, Object> defaultsFor(DatasetInfo dataset) {
        return CharRnnParams.defaultsFor(dataset.id());
    }

    @Override
    public Map<String, ResultLabel> resultLabels() {
        return ResultLabels.with(Map.of(
                "perplexity", ResultLabel.of("Perplexity"),
                "minP(right next char)", ResultLabel.of("Lowest P(right next character)"),
                "epochsToTarget", ResultLabel.of("Epochs to reach the target"),
                "vocabulary", ResultLabel.of("Vocabulary", "characters"),
                "characters", ResultLabel.of("Training text", "characters"),
                "streams", ResultLabel.of("Parallel streams"),
                "window", ResultLabel.of("Unrolled window (BPTT)", "characters"),
                "msPerStep", ResultLabel.of("Time per step", "ms")));
    }

    @Override
    public int lectureNumber() {
        return 12;
    }

    @Override
    public TrainedModel train(TrainingContext context) {
        return new CharRnnTrainer(context).run();
    }

    @Override
    public TrainedModel load(Path directory, Device device) throws IOException {
        return CharRnnModel.load(directory, device);
    }
}
