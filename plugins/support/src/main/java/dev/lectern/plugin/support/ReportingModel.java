package dev.lectern.plugin.support;

import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.view.View;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained model that keeps the summary numbers and lesson pictures its run produced. The built-in models extend it,
 * so each keeps only its own numbers, predict and save; both are copied, so later edits of the run's maps cannot change
 * what a finished run reports.
 */
public abstract class ReportingModel implements TrainedModel {

    private final Map<String, Double> summary;
    private final List<View> views;

    /**
     * Keeps copies of a run's results.
     *
     * @param summary the summary numbers in display order
     * @param views the lesson pictures
     */
    protected ReportingModel(Map<String, Double> summary, List<View> views) {
        this.summary = new LinkedHashMap<>(summary);
        this.views = List.copyOf(views);
    }

    @Override
    public final Map<String, Double> summary() {
        return summary;
    }

    @Override
    public final List<View> views() {
        return views;
    }
}
