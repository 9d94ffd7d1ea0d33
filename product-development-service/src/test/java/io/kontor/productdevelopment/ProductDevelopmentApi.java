package io.kontor.productdevelopment;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.testing.TestKafka;
import io.kontor.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the REST tests of this module share: callers with a role, new requirements and backlogs, published events. */
public final class ProductDevelopmentApi {

    public static final String BASE = "/api/v1/product-development";
    public static final String REQUIREMENTS = BASE + "/requirements";
    public static final String BACKLOGS = BASE + "/backlogs";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProductDevelopmentApi() {}

    public static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    public static RequestSpecification pd() {
        return as("product-development");
    }

    /** A DRAFT requirement with one acceptance criterion per entry of {@code criteria}; returns its id. */
    public static String draft(String title, String... criteria) {
        StringBuilder list = new StringBuilder();
        for (String criterion : criteria) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(criterion).append('"');
        }
        return pd().body("""
                        {"title":"%s","description":"Als Nutzer möchte ich *%s*.","kind":"FUNCTIONAL","priority":"MUST","acceptanceCriteria":[%s]}""".formatted(title, title, list))
                .post(REQUIREMENTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String approved(String title, String... criteria) {
        String id = draft(title, criteria);
        pd().post(REQUIREMENTS + "/" + id + "/approve").then().statusCode(200);
        return id;
    }

    public static String backlog(String name) {
        return pd().body("{\"name\":\"" + name + "\"}")
                .post(BACKLOGS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String item(String backlog, String title, String... requirementIds) {
        StringBuilder list = new StringBuilder();
        for (String id : requirementIds) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(id).append('"');
        }
        return pd().body("{\"kind\":\"STORY\",\"title\":\"" + title + "\",\"estimate\":3,\"requirementIds\":[" + list
                        + "]}")
                .post(BACKLOGS + "/" + backlog + "/items")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The data of every event of {@code ceType} on {@code topic} about {@code key}, in order. */
    public static List<JsonNode> published(String topic, String ceType, String key) {
        return TestKafka.readAll(topic, Duration.ofMillis(300)).stream()
                .filter(r -> key.equals(r.key()))
                .filter(r -> ceType.equals(TestKafka.header(r, CloudEventHeaders.TYPE)))
                .map(ConsumerRecord::value)
                .map(ProductDevelopmentApi::parse)
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
