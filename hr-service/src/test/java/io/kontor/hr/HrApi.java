package io.kontor.hr;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.kontor.devinfra.KafkaAccess;
import io.kontor.platform.kafka.TopicReader;
import io.kontor.testing.TestInfra;
import io.kontor.testing.TestKafka;
import io.kontor.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the tests of this module do over and over: call the API as a role, open positions, bring candidates, read Kafka.
 */
public final class HrApi {

    public static final String BASE = "/api/v1/hr";

    private HrApi() {}

    public static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role))
                .contentType(ContentType.JSON)
                .basePath(BASE);
    }

    /** Money stays exact: numbers with a fraction are read as BigDecimal, never as double. */
    public static JsonPath json(String body) {
        return JsonPath.from(body)
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    public static String openPosition(String title) {
        String id = as("hr").body(
                        "{\"title\":\"%s\",\"department\":\"Engineering\",\"location\":\"Hamburg\"}".formatted(title))
                .post("/job-openings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("hr").post("/job-openings/" + id + "/publish").then().statusCode(200);
        return id;
    }

    /** A unique e-mail address, so that tests never meet each other's candidates. */
    public static String uniqueEmail(String name) {
        return name.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public static String applicationBody(String openingId, String firstName, String lastName, String email) {
        return """
                {"jobOpeningId": "%s", "candidate": {"firstName": "%s", "lastName": "%s", "email": "%s"},
                 "coverLetter": "Sehr geehrte Damen und Herren, ich bewerbe mich als %s %s."}
                """.formatted(openingId, firstName, lastName, email, firstName, lastName);
    }

    public static String apply(String openingId, String firstName, String lastName) {
        return as("front-office")
                .body(applicationBody(openingId, firstName, lastName, uniqueEmail(lastName)))
                .post("/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static void advance(String applicationId, String stage) {
        as("hr").body("{\"stage\":\"" + stage + "\"}")
                .post("/applications/" + applicationId + "/advance")
                .then()
                .statusCode(200);
    }

    /** Brings a fresh application to the given open stage along the pipeline. */
    public static String applicationAt(String openingId, String firstName, String lastName, String stage) {
        String id = apply(openingId, firstName, lastName);
        List<String> pipeline = List.of("RECEIVED", "SCREENING", "INTERVIEW", "OFFER");
        for (String next : pipeline.subList(1, pipeline.indexOf(stage) + 1)) {
            advance(id, next);
        }
        return id;
    }

    public static void interview(String applicationId, String interviewer, String scoresJson) {
        as("hr").body("{\"interviewer\":\"%s\",\"scores\":%s,\"notes\":\"Gut vorbereitet.\"}"
                        .formatted(interviewer, scoresJson))
                .post("/applications/" + applicationId + "/interviews")
                .then()
                .statusCode(201);
    }

    /** The employee's address, which a contract names (§2(1) NachwG) and no default supplies. */
    public static final String ADDRESS =
            "\"employeeAddress\": {\"street\": \"Hafenstraße 7\", \"postalCode\": \"20459\", \"city\": \"Hamburg\","
                    + " \"country\": \"DE\"}";

    /** A hire's terms; the tax id is new each time, so no hire is taken for an earlier employment of another. */
    public static String permanentContract(String startDate) {
        return """
                {"startDate": "%s", "contractType": "PERMANENT", "annualSalary": 58000.00, "weeklyHours": 40,
                 "probationMonths": 6, "taxId": "%s", %s}
                """.formatted(startDate, uniqueTaxId(), ADDRESS);
    }

    /** Eleven digits, the first not 0, as a Steuer-IdNr is written; random, so found in no other test. */
    public static String uniqueTaxId() {
        long digits = java.util.concurrent.ThreadLocalRandom.current().nextLong(10_000_000_000L, 100_000_000_000L);
        return Long.toString(digits);
    }

    /** Hires a fresh candidate for a fresh opening; returns the answer of the hire (employee and contract). */
    public static JsonPath hireSomeone(String firstName, String lastName) {
        String application = applicationAt(openPosition("Softwareentwickler"), firstName, lastName, "OFFER");
        return json(as("hr").body(permanentContract("2027-04-01"))
                .post("/applications/" + application + "/hire")
                .then()
                .statusCode(201)
                .extract()
                .asString());
    }

    /** The text of a PDF as PDFBox extracts it: proves the document parses and says what it should. */
    public static String pdfText(byte[] pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a readable PDF", e);
        }
    }

    /** Waits until the topic holds an event of this type for this aggregate, and returns all such events. */
    public static List<ConsumerRecord<String, String>> awaitEvents(String topic, String aggregateId, String type) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> eventsOf(topic, aggregateId, type), found -> !found.isEmpty());
    }

    /**
     * The topic's records of one aggregate and type, read up to the topic's current end. Assigning the partitions
     * directly (no consumer group) spares the group join that a subscribing reader waits for on every call.
     */
    public static List<ConsumerRecord<String, String>> eventsOf(String topic, String aggregateId, String type) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        TopicReader.readToEnd(TestInfra.kafkaClient(KafkaAccess.ADMIN), topic, Duration.ofSeconds(10), record -> {
            if (aggregateId.equals(record.key()) && type.equals(TestKafka.header(record, "ce_type"))) {
                found.add(record);
            }
        });
        return found;
    }
}
