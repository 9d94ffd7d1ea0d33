package io.kontor.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.kontor.platform.web.CorrelationId;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that leaves a resource into problem details. Bad input is a 4xx naming the field; only a fault
 * of ours is a 500, and that one says nothing about our insides (the log has it, under the correlation id).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return answer(e.status(), e.slug(), e.title(), e.getMessage(), e.violations());
    }

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail =
                violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return answer(400, "validation-failed", "Invalid request", detail, violations);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping
                && !isSyntaxError(e)
                && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            String message = e instanceof InvalidFormatException format
                    ? "cannot be " + quote(format.getValue()) + ", expected " + expected(format.getTargetType())
                    : e instanceof UnrecognizedPropertyException
                            ? "is not a known field"
                            : "has the wrong type or shape";
            return answer(
                    400,
                    "validation-failed",
                    "Invalid request",
                    field + ": " + message,
                    List.of(new Problem.Violation(field, message)));
        }
        return answer(
                400,
                "malformed-json",
                "Malformed JSON",
                "the request body is not valid JSON: " + e.getOriginalMessage(),
                null);
    }

    /**
     * Quarkus REST brings its own mappers for these two Jackson exceptions; naming them exactly here is what makes ours
     * win, so that a wrong enum value or a text where a number belongs is problem details too.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unparseableJson(JsonParseException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(
                        answer(401, "unauthorized", "Unauthorized", "a valid bearer token is required", null))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answer(403, "forbidden", "Forbidden", "your role does not allow this", null);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        return answer(status, title.toLowerCase().replace(' ', '-'), title, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.errorf(e, "Unexpected failure [correlation id %s]", CorrelationId.current());
        return answer(
                500,
                "internal-error",
                "Internal error",
                "the request failed on our side; quote correlation id " + CorrelationId.current(),
                null);
    }

    /**
     * Jackson wraps a syntax error met inside a nested object into a mapping error with a path: it is still a syntax
     * error.
     */
    private static boolean isSyntaxError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JsonParseException) {
                return true;
            }
        }
        return false;
    }

    static Response answer(int status, String slug, String title, String detail, List<Problem.Violation> violations) {
        Problem problem = Problem.of(status, slug, title, detail, CorrelationId.current(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The field as the client named it: the resource method and its parameter are not part of the JSON. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                names.clear();
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !names.isEmpty()) {
                int last = names.size() - 1;
                names.set(last, names.get(last) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            // A whole parameter was wrong (a missing body, a query parameter): name the parameter.
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.PARAMETER) {
                    return node.getName();
                }
            }
            return "body";
        }
        return String.join(".", names);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String quote(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }
}
