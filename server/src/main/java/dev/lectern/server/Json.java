package dev.lectern.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.view.View;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one JSON configuration of the server: ISO dates, records, and views tagged with their type. */
public final class Json {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Returns the configured mapper, for Javalin. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** Serialises a value. */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON object into an ordered map; an empty or absent text gives an empty map. */
    public Map<String, Object> readObject(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return mapper.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses parameter declarations written by {@link #write(Object)}. */
    public List<ParamSpec> readParamSpecs(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<ParamSpec>>() {});
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serialises views as a JSON array whose items carry a {@code type} field naming the view record. */
    public String writeViews(List<View> views) {
        return write(viewsTree(views));
    }

    /** The views as the JSON array {@link #writeViews} writes, for embedding in a larger answer. */
    public ArrayNode viewsTree(List<View> views) {
        ArrayNode array = mapper.createArrayNode();
        for (View view : views) {
            ObjectNode node = mapper.valueToTree(view);
            node.put("type", view.getClass().getSimpleName());
            // A heat map's category names (API 1.4) are written only when it has them: continuous maps keep the
            // JSON they always had.
            for (String field : new String[] {"xCategories", "yCategories"}) {
                if (node.path(field).isArray() && node.path(field).isEmpty()) {
                    node.remove(field);
                }
            }
            array.add(node);
        }
        return array;
    }
}
