package dev.lectern.plugin.api;

import dev.lectern.plugin.api.gradient.GradientCheck;
import dev.lectern.plugin.api.gradient.GradientProblem;
import dev.lectern.plugin.api.view.View;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A model produced by {@link LecturePlugin#train} or {@link LecturePlugin#load}; owns its native memory. */
public interface TrainedModel extends AutoCloseable {

    /**
     * Returns the final numbers of the run, such as {@code W}, {@code b}, the final loss and the time per
     * epoch in milliseconds. Insertion order is display order.
     *
     * @return name to value
     */
    Map<String, Double> summary();

    /**
     * Returns the charts and tables that explain the result, such as the data with the fitted line.
     *
     * @return the views, in display order
     */
    List<View> views();

    /**
     * Writes the model to a directory so that {@link LecturePlugin#load} can read it back.
     *
     * @param directory an existing, empty directory
     * @throws IOException when writing fails
     */
    void save(Path directory) throws IOException;

    /**
     * Declares the inputs {@link #predict} takes; the workbench builds the predict form from them.
     *
     * @return the input declarations; empty when the model does not predict
     */
    default List<ParamSpec> predictInputs() {
        return List.of();
    }

    /**
     * Answers one input.
     *
     * @param input values checked against {@link #predictInputs()}
     * @return the prediction
     */
    default Prediction predict(ParamValues input) {
        throw new UnsupportedOperationException("this model does not predict");
    }

    /**
     * Offers this model's parameters and loss to the gradient check, on a small batch of the run's data. Called on a
     * trained model and on one {@link LecturePlugin#load} read back; both must answer when the plugin
     * {@link LecturePlugin#checksGradients() checks gradients}. Pick {@code options.batchRows()} examples (drawn with
     * {@code options.seed()}), prepare them as training did (scaling, one-hot labels), and return the loss the plugin
     * trains with as a function of float64 copies of the parameters. Since API 1.4.
     *
     * @param data the run's data set
     * @param options the batch size and seed
     * @return the problem, empty (the default) when the model offers no gradient check
     */
    default Optional<GradientProblem> gradientProblem(TrainingData data, GradientCheck.Options options) {
        return Optional.empty();
    }

    /** Releases the model's native memory. */
    @Override
    void close();
}
