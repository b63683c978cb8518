package dev.lectern.server.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A run's hyperparameters as rows of {@code run_params}, one per scalar value, so the runs table can filter, sort and
 * group by them in the database: {@code params_json} is text, which neither H2 nor PostgreSQL compares as numbers
 * the same way.
 *
 * <p>Each row keeps the value as text ({@code text_value}: numbers written canonically, so 0.010 and 0.01 are one
 * value) and, for numbers, as a double ({@code number_value}) for {@code <} and {@code >}. Text longer than
 * {@link #MAX_TEXT} characters (a prompt, say) is not indexed: nobody filters by it, and an index entry must stay
 * small on PostgreSQL.
 */
public final class RunParamIndex {

    /** The longest text value indexed. */
    public static final int MAX_TEXT = 500;

    /** The insert the rows of {@link #rows(long, String)} go to. */
    public static final String INSERT =
            "INSERT INTO run_params (experiment_id, name, text_value, number_value) VALUES (?, ?, ?, ?)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunParamIndex() {}

    /**
     * The rows of one run's parameters.
     *
     * @param experimentId the run
     * @param paramsJson its {@code params_json}
     * @return {@code [experiment_id, name, text_value, number_value]} per indexed value (none for broken JSON)
     */
    public static List<Object[]> rows(long experimentId, String paramsJson) {
        List<Object[]> rows = new ArrayList<>();
        JsonNode params;
        try {
            params = paramsJson == null || paramsJson.isBlank() ? null : JSON.readTree(paramsJson);
        } catch (JsonProcessingException e) {
            return rows;
        }
        if (params == null || !params.isObject()) {
            return rows;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (field.getKey().length() > 100) {
                continue;
            }
            if (value.isNumber()) {
                double d = value.doubleValue();
                if (Double.isFinite(d)) {
                    rows.add(new Object[] {experimentId, field.getKey(), canonical(d), d});
                }
            } else if (value.isBoolean() || value.isTextual()) {
                String text = value.asText();
                if (text.length() <= MAX_TEXT) {
                    rows.add(new Object[] {experimentId, field.getKey(), text, null});
                }
            }
        }
        return rows;
    }

    /**
     * A number as one text whatever way it was written: whole numbers without a fraction ({@code 300}), others as
     * Java's shortest round trip ({@code 0.01}, {@code 1.0E-4}).
     *
     * @param d a finite number
     * @return its text
     */
    public static String canonical(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
