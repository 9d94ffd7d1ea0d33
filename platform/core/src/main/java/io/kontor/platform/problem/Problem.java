package io.kontor.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, the body of every error answer in Kontor ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type, String title, int status, String detail, String correlationId, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Every Kontor problem type is {@code urn:kontor:problem:<slug>}: stable, and not pretending to be a web page. */
    public static Problem of(
            int status, String slug, String title, String detail, String correlationId, List<Violation> violations) {
        return new Problem("urn:kontor:problem:" + slug, title, status, detail, correlationId, violations);
    }

    /** One wrong field of a request; {@code field} is the JSON path of the field, e.g. {@code billingAddress.city}. */
    public record Violation(String field, String message) {}
}
