package dev.lectern.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's answers to requests it refuses before Javalin sees them (a malformed or ambiguous URI, headers too
 * large): the same JSON error under {@code /api}, the same HTML error page elsewhere, and the same security
 * headers as every other answer, instead of Jetty's own page.
 */
final class JettyErrors extends ErrorHandler {

    private final ErrorMapping errors;
    private final ObjectMapper mapper;

    JettyErrors(ErrorMapping errors, ObjectMapper mapper) {
        this.errors = errors;
        this.mapper = mapper;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        int status = response.getStatus();
        Object attribute = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String message = describe(status, attribute == null ? null : attribute.toString());
        SecurityHeaders.apply(response::setHeader);
        String uri = request.getRequestURI();
        byte[] body;
        if (uri != null && uri.startsWith("/api/")) {
            response.setContentType("application/json");
            body = json(message);
        } else {
            response.setContentType("text/html;charset=utf-8");
            body = errors.page(status, message).getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        baseRequest.setHandled(true);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        SecurityHeaders.apply(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(json(describe(status, reason)));
    }

    private byte[] json(String message) {
        try {
            return mapper.writeValueAsBytes(new ErrorBody(message, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(int status, String reason) {
        String what = switch (status) {
            case 400 -> "the request is malformed";
            case 413 -> "the request is too large";
            case 414 -> "the address is too long";
            case 431 -> "the request's headers are too large";
            default -> "the request was refused";
        };
        return reason == null || reason.isBlank() ? what : what + ": " + reason;
    }
}
