package io.kontor.legal;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.testing.TestKafka;
import io.kontor.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the REST tests of this module share: callers with a role, documents with versions, published events. */
public final class LegalApi {

    public static final String BASE = "/api/v1/legal";
    public static final String DOCUMENTS = BASE + "/documents";
    public static final String PUBLISHED = BASE + "/published";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LegalApi() {}

    public static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    public static RequestSpecification legal() {
        return as("legal");
    }

    /** A document of a kind no other test uses (kinds are unique per language), returns its id. */
    public static String document(String kindPrefix) {
        String kind =
                kindPrefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return legal().body("{\"kind\":\"" + kind + "\",\"language\":\"de\",\"title\":\"Bedingungen " + kind + "\"}")
                .post(DOCUMENTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String kindOf(String documentId) {
        return legal().get(DOCUMENTS + "/" + documentId).then().extract().path("kind");
    }

    /** Drafts, submits and publishes a version taking effect on {@code effectiveFrom}; returns its number. */
    public static int published(String documentId, String text, LocalDate effectiveFrom) {
        int version = legal().body(body(text))
                .post(DOCUMENTS + "/" + documentId + "/versions")
                .then()
                .statusCode(201)
                .extract()
                .path("version");
        String path = DOCUMENTS + "/" + documentId + "/versions/" + version;
        legal().post(path + "/submit").then().statusCode(200);
        legal().body("{\"effectiveFrom\":\"" + effectiveFrom + "\"}")
                .post(path + "/publish")
                .then()
                .statusCode(200);
        return version;
    }

    public static String body(String text) {
        try {
            return JSON.writeValueAsString(java.util.Map.of("text", text));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data of every event of {@code ceType} on {@code topic} about {@code key}, in order. */
    public static List<JsonNode> events(String topic, String ceType, String key) {
        return TestKafka.readAll(topic, Duration.ofMillis(300)).stream()
                .filter(r -> key.equals(r.key()))
                .filter(r -> ceType.equals(TestKafka.header(r, CloudEventHeaders.TYPE)))
                .map(ConsumerRecord::value)
                .map(LegalApi::parse)
                .toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }
}
