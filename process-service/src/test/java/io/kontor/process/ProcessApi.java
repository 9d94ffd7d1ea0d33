package io.kontor.process;

import static io.restassured.RestAssured.given;

import io.kontor.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** What the REST tests of this module share: callers with a role. */
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

    public static RequestSpecification owner() {
        return as("process-owner");
    }
}
