package io.kontor.projects;

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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the REST tests of this module share: callers with a role, a fresh project, and the events we published. */
public final class ProjectsApi {

    public static final String PROJECTS = "/api/v1/projects";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectsApi() {}

    public static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    /** Opens a project by hand, managed by {@code pm@kontor.example}; returns its id. */
    public static String newProject(String name) {
        return as("project-office")
                .body("{\"name\":\"" + name + "\",\"managerEmail\":\"pm@kontor.example\",\"startDate\":\"2026-12-01\"}")
                .post(PROJECTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String newProject(String name, UUID customerId) {
        return as("project-office")
                .body("{\"name\":\"" + name + "\",\"customerId\":\"" + customerId
                        + "\",\"managerEmail\":\"pm@kontor.example\",\"startDate\":\"2026-12-01\"}")
                .post(PROJECTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The data of every event of {@code ceType} that this service published about {@code projectId}, in order. */
    public static List<JsonNode> published(String ceType, String projectId) {
        return TestKafka.readAll("projects.projects", Duration.ofMillis(300)).stream()
                .filter(r -> projectId.equals(r.key()))
                .filter(r -> ceType.equals(TestKafka.header(r, CloudEventHeaders.TYPE)))
                .map(ConsumerRecord::value)
                .map(ProjectsApi::parse)
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
