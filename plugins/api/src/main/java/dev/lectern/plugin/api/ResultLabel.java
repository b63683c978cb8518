package dev.lectern.plugin.api;

/**
 * The plain name and unit of one key of a trained model's summary, so that a result table can say "Time per epoch
 * (ms)" where the summary holds {@code msPerEpoch}. Declared by {@link LecturePlugin#resultLabels()}. Since API 1.4.
 *
 * @param label what the value is, in words, such as "Time per epoch"
 * @param unit its unit, such as "ms"; empty when it has none (a count, a ratio, a cost)
 */
public record ResultLabel(String label, String unit) {

    /**
     * Creates the record and checks its fields.
     *
     * @param label what the value is, in words, such as "Time per epoch"
     * @param unit its unit, such as "ms"; empty (or {@code null}) when it has none
     */
    public ResultLabel {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a result label must not be blank");
        }
        label = label.strip();
        unit = unit == null ? "" : unit.strip();
    }

    /**
     * Returns a label without a unit.
     *
     * @param label what the value is, in words
     * @return the label
     */
    public static ResultLabel of(String label) {
        return new ResultLabel(label, "");
    }

    /**
     * Returns a label with a unit.
     *
     * @param label what the value is, in words
     * @param unit its unit, such as "ms" or "s"
     * @return the label
     */
    public static ResultLabel of(String label, String unit) {
        return new ResultLabel(label, unit);
    }

    /**
     * Returns the label as a table shows it: "Time per epoch (ms)", or the label alone when there is no unit.
     *
     * @return the label with its unit in parentheses
     */
    public String display() {
        return unit.isEmpty() ? label : label + " (" + unit + ")";
    }
}
