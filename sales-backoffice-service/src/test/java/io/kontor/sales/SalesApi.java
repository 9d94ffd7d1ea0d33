package io.kontor.sales;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.events.CloudEventHeaders;
import io.kontor.testing.TestInfra;
import io.kontor.testing.TestKafka;
import io.kontor.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the tests of this module do over and over: call the API as a role, make customers, products and offers, look at
 * Kafka and the tables.
 */
public final class SalesApi {

    public static final String BASE = "/api/v1/sales";

    private SalesApi() {}

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

    public static String customerBody(String name) {
        return """
                {"name": "%s", "type": "BUSINESS", "email": "einkauf@%s.example",
                 "vatId": "DE 811 907 980", "paymentTermDays": 30,
                 "billingAddress": {"street": "Hafenstraße 1", "postalCode": "20457", "city": "Hamburg", "country": "DE"}}
                """.formatted(name, UUID.randomUUID().toString().substring(0, 8));
    }

    public static JsonPath registerCustomer(String name) {
        return json(as("sales")
                .body(customerBody(name))
                .post("/customers")
                .then()
                .statusCode(201)
                .extract()
                .asString());
    }

    /** A product with a SKU no other test uses; returns the SKU. */
    public static String createProduct(String name, String unitPrice, int vatRate) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        as("sales")
                .body("""
                {"sku": "%s", "name": "%s", "unitPrice": %s, "vatRate": %d, "unit": "h"}
                """.formatted(sku, name, unitPrice, vatRate))
                .post("/products")
                .then()
                .statusCode(201);
        return sku;
    }

    public static String offerBody(String customerId, String linesJson) {
        return """
                {"customerId": "%s", "billing": "ON_ACCEPTANCE", "lines": %s}
                """.formatted(customerId, linesJson);
    }

    /** A draft offer of one line (2 × the product's list price); returns its id. */
    public static String createOffer(String customerId) {
        String sku = createProduct("Beratung", "100.00", 19);
        return as("sales")
                .body(offerBody(customerId, "[{\"sku\": \"" + sku + "\", \"quantity\": 2}]"))
                .post("/offers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String createOfferIn(String status) {
        String id = createOffer(registerCustomer("Status " + status + " GmbH").getString("id"));
        switch (status) {
            case "DRAFT" -> {}
            case "SENT" -> as("sales").post("/offers/" + id + "/send").then().statusCode(200);
            case "ACCEPTED" -> {
                as("sales").post("/offers/" + id + "/send").then().statusCode(200);
                as("sales").post("/offers/" + id + "/accept").then().statusCode(200);
            }
            case "REJECTED" -> {
                as("sales").post("/offers/" + id + "/send").then().statusCode(200);
                as("sales")
                        .body("{\"reason\": \"too expensive\"}")
                        .post("/offers/" + id + "/reject")
                        .then()
                        .statusCode(200);
            }
            default -> throw new IllegalArgumentException(status);
        }
        return id;
    }

    /** The one event of {@code type} about aggregate {@code key} that the service published on {@code topic}. */
    public static ConsumerRecord<String, String> awaitEvent(String topic, String key, String type) {
        List<ConsumerRecord<String, String>> found = await().atMost(Duration.ofSeconds(30))
                .until(() -> events(topic, key, type, Duration.ofMillis(300)), records -> !records.isEmpty());
        return found.get(0);
    }

    public static List<ConsumerRecord<String, String>> events(
            String topic, String key, String type, Duration quietPeriod) {
        return TestKafka.readAll(topic, quietPeriod).stream()
                .filter(r -> key.equals(r.key()))
                .filter(r -> type.equals(TestKafka.header(r, CloudEventHeaders.TYPE)))
                .toList();
    }

    /** Row counts of the service's own tables, read behind its back. */
    public static Map<String, Long> rowCounts() {
        List<String> tables = List.of(
                "customer",
                "product",
                "offer",
                "offer_line",
                "number_series",
                "offer_template",
                "offer_template_line",
                "follow_up");
        return tables.stream().collect(Collectors.toMap(Function.identity(), SalesApi::count));
    }

    /** The sum of all number counters: it only moves when a customer or offer number was handed out for good. */
    public static long numbersDrawn() {
        return query("select coalesce(sum(last_value), 0) from number_series");
    }

    /** A column of one row, read behind the service's back (a read through the API could change what it reads). */
    public static String column(String table, String column, String id) {
        try (Connection connection = DriverManager.getConnection(
                        TestInfra.jdbcUrl(),
                        TestInfra.postgres().username(),
                        TestInfra.postgres().password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select " + column + " from " + table + " where id = '" + UUID.fromString(id) + "'")) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(table + "." + column, e);
        }
    }

    /** The rows an SQL query finds, each column as text; parameters are bound in order. */
    public static List<Map<String, String>> rows(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(
                        TestInfra.jdbcUrl(),
                        TestInfra.postgres().username(),
                        TestInfra.postgres().password());
                java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, String>> rows = new java.util.ArrayList<>();
            if (statement.execute()) {
                try (ResultSet result = statement.getResultSet()) {
                    while (result.next()) {
                        Map<String, String> row = new java.util.LinkedHashMap<>();
                        for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                            row.put(result.getMetaData().getColumnLabel(c), result.getString(c));
                        }
                        rows.add(row);
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static long count(String table) {
        return query("select count(*) from " + table);
    }

    private static long query(String sql) {
        try (Connection connection = DriverManager.getConnection(
                        TestInfra.jdbcUrl(),
                        TestInfra.postgres().username(),
                        TestInfra.postgres().password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
