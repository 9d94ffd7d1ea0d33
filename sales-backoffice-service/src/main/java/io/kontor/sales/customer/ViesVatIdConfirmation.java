package io.kontor.sales.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The VIES REST API of the European Commission: {@code POST <base>/check-vat-number} with {@code {"countryCode",
 * "vatNumber"}} (and our own id as requester, for a consultation number), answered by {@code {"valid", "name",
 * "address", "requestDate", "requestIdentifier", ...}}, or by {@code {"actionSucceed": false, "errorWrappers":
 * [{"error": "MS_UNAVAILABLE"}]}} when a register is down.
 */
public class ViesVatIdConfirmation implements VatIdConfirmation {

    /** VIES writes "---" where a member state does not disclose the name or address. */
    private static final String UNDISCLOSED = "---";

    private final URI baseUrl;
    private final Duration timeout;
    private final Optional<String> requesterVatId;
    private final ObjectMapper json;
    private final HttpClient http;

    public ViesVatIdConfirmation(URI baseUrl, Duration timeout, Optional<String> requesterVatId, ObjectMapper json) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.requesterVatId = requesterVatId.map(VatIdFormat::normalize);
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Result confirm(String vatId) {
        String normalized = VatIdFormat.normalize(vatId);
        ObjectNode request = json.createObjectNode()
                .put("countryCode", normalized.substring(0, 2))
                .put("vatNumber", normalized.substring(2));
        requesterVatId.ifPresent(requester -> request.put("requesterMemberStateCode", requester.substring(0, 2))
                .put("requesterNumber", requester.substring(2)));
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(endpoint())
                            .timeout(timeout)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new VatIdConfirmationUnavailable("VIES did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VatIdConfirmationUnavailable("interrupted while asking VIES");
        }
        JsonNode answer = parse(response);
        if (response.statusCode() != 200 || !answer.has("valid")) {
            throw new VatIdConfirmationUnavailable("VIES answered " + response.statusCode() + ": " + errors(answer));
        }
        return new Result(
                answer.path("valid").asBoolean(),
                disclosed(answer.path("name")),
                disclosed(answer.path("address")),
                day(answer.path("requestDate")),
                disclosed(answer.path("requestIdentifier")));
    }

    private URI endpoint() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "check-vat-number");
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return json.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
        } catch (IOException e) {
            throw new VatIdConfirmationUnavailable(
                    "VIES answered " + response.statusCode() + " with something that is not JSON");
        }
    }

    private static String errors(JsonNode answer) {
        StringBuilder errors = new StringBuilder();
        for (JsonNode error : answer.path("errorWrappers")) {
            errors.append(errors.isEmpty() ? "" : ", ")
                    .append(error.path("error").asText());
        }
        return errors.isEmpty() ? "no answer" : errors.toString();
    }

    private static String disclosed(JsonNode text) {
        String value = text.isTextual() ? text.asText().strip() : "";
        return value.isEmpty() || UNDISCLOSED.equals(value) ? null : value;
    }

    /** "2030-06-15" or "2030-06-15T10:00:00.123Z" (VIES writes the latter), as a day. */
    private static LocalDate day(JsonNode text) {
        if (!text.isTextual() || text.asText().length() < 10) {
            return null;
        }
        String value = text.asText();
        return value.length() == 10
                ? LocalDate.parse(value)
                : OffsetDateTime.parse(value).toLocalDate();
    }
}
