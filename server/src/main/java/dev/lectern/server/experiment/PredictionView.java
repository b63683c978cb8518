package dev.lectern.server.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The answer of {@code POST /api/experiments/{id}/predict}.
 *
 * @param text the answer in words
 * @param values the answer's numbers by name
 * @param views charts of the answer, as data
 */
public record PredictionView(String text, Map<String, ?> values, JsonNode views) {}
