package dev.lectern.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.plugin.api.InvalidParameterException;
import io.javalin.http.Context;
import java.util.Locale;

/** Reads JSON request bodies, answering a malformed one with a 400 that names the field at fault. */
public final class JsonBodies {

    private JsonBodies() {}

    /**
     * The body as a JSON object. Only {@code application/json} is read: a page elsewhere can send text/plain or a
     * form across sites without asking first, but not JSON.
     */
    public static JsonNode object(Context ctx, ObjectMapper mapper) {
        requireJson(ctx);
        try {
            JsonNode node = mapper.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new InvalidParameterException("body", "the request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidParameterException(
                    "body", "the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static void requireJson(Context ctx) {
        String type = ctx.header("Content-Type");
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/json")) {
            throw new UnsupportedMediaTypeException("send the body as JSON with 'Content-Type: application/json'"
                    + (type == null ? "" : ", not '" + type + "'"));
        }
    }

    /** A string field, or null when it is absent or null. */
    public static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidParameterException(field, field + " must be a string");
        }
        return node.asText();
    }

    /** A number, string or boolean as its Java value, for {@link dev.lectern.plugin.api.ParamSpec#parse}. */
    public static Object scalar(String field, JsonNode node) {
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNull()) {
            return null;
        }
        throw new InvalidParameterException(field, field + " must be a number, string or boolean");
    }
}
