package io.kontor.process;

import static io.restassured.RestAssured.given;

import io.kontor.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;

/** What the REST tests of this module share: callers with a role, a task in an inbox. */
public final class ProcessApi {

    public static final String BASE = "/api/v1/processes";

    private ProcessApi() {}

    public static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asSubject(String subject, String role) {
        return given().header("Authorization", TestTokens.bearerFor(subject, role))
                .contentType(ContentType.JSON);
    }

    /**
     * The task about {@code subjectId} in the inbox of {@code subject} with {@code role} (of {@code status}, or any
     * when null), or null while there is none.
     */
    public static JsonPath taskFor(String subject, String role, String status, String subjectId) {
        RequestSpecification request = asSubject(subject, role).queryParam("subjectId", subjectId);
        if (status != null) {
            request.queryParam("status", status);
        }
        JsonPath inbox =
                request.get(BASE + "/tasks").then().statusCode(200).extract().jsonPath();
        List<String> subjects = inbox.getList("items.subjectId");
        int index = subjects.indexOf(subjectId);
        return index < 0 ? null : JsonPath.from(inbox.prettify()).setRootPath("items[" + index + "]");
    }

    public static RequestSpecification owner() {
        return as("process-owner");
    }
}
