package io.kontor.sales;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.createProduct;
import static io.kontor.sales.SalesApi.numbersDrawn;
import static io.kontor.sales.SalesApi.registerCustomer;
import static io.kontor.sales.SalesApi.rowCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Wrong input is the caller's to fix: a 400 problem naming the field, and nothing stored, numbered or published. */
@QuarkusTest
class BadInputTest {

    private static final String ADDRESS =
            "\"billingAddress\": {\"street\": \"Am Markt 1\", \"postalCode\": \"28195\", \"city\": \"Bremen\", \"country\": \"DE\"}";

    /** An existing customer and product, made once, for the offers that are wrong in another place. */
    private static String customerId;

    private static String sku;

    static Stream<Arguments> badRequests() {
        return Stream.of(
                arguments(
                        "/customers",
                        "a customer without billing address",
                        "{\"name\": \"X\", \"type\": \"BUSINESS\", \"email\": \"x@example.org\"}",
                        "billingAddress"),
                arguments(
                        "/customers",
                        "a customer with half an address",
                        "{\"name\": \"X\", \"type\": \"BUSINESS\", \"email\": \"x@example.org\", \"billingAddress\": {\"street\": \"Am Markt 1\", \"country\": \"DE\"}}",
                        "billingAddress.city"),
                arguments(
                        "/customers",
                        "a customer without a name",
                        "{\"type\": \"BUSINESS\", \"email\": \"x@example.org\", " + ADDRESS + "}",
                        "name"),
                arguments(
                        "/customers",
                        "a customer with a malformed e-mail",
                        "{\"name\": \"X\", \"type\": \"BUSINESS\", \"email\": \"x-at-example.org\", " + ADDRESS + "}",
                        "email"),
                arguments(
                        "/customers",
                        "a customer with an e-mail without domain",
                        "{\"name\": \"X\", \"type\": \"BUSINESS\", \"email\": \"x@localhost\", " + ADDRESS + "}",
                        "email"),
                arguments(
                        "/customers",
                        "a customer with a country that is no ISO code",
                        "{\"name\": \"X\", \"type\": \"BUSINESS\", \"email\": \"x@example.org\", \"billingAddress\": {\"street\": \"Am Markt 1\", \"postalCode\": \"28195\", \"city\": \"Bremen\", \"country\": \"Germany\"}}",
                        "billingAddress.country"),
                arguments(
                        "/customers",
                        "a customer with a malformed VAT id",
                        "{\"name\": \"X\", \"type\": \"BUSINESS\", \"email\": \"x@example.org\", \"vatId\": \"DE12345\", "
                                + ADDRESS + "}",
                        "vatId"),
                arguments(
                        "/customers",
                        "a customer with payment terms of a year and a day",
                        "{\"name\": \"X\", \"type\": \"BUSINESS\", \"email\": \"x@example.org\", \"paymentTermDays\": 366, "
                                + ADDRESS + "}",
                        "paymentTermDays"),
                arguments(
                        "/customers",
                        "a customer with negative payment terms",
                        "{\"name\": \"X\", \"type\": \"BUSINESS\", \"email\": \"x@example.org\", \"paymentTermDays\": -1, "
                                + ADDRESS + "}",
                        "paymentTermDays"),
                arguments(
                        "/products",
                        "a product at 16 % VAT",
                        "{\"sku\": \"BAD-1\", \"name\": \"X\", \"unitPrice\": 10, \"vatRate\": 16, \"unit\": \"h\"}",
                        "vatRate"),
                arguments(
                        "/products",
                        "a product at 19.5 % VAT",
                        "{\"sku\": \"BAD-2\", \"name\": \"X\", \"unitPrice\": 10, \"vatRate\": 19.5, \"unit\": \"h\"}",
                        "vatRate"),
                arguments(
                        "/products",
                        "a product for nothing",
                        "{\"sku\": \"BAD-3\", \"name\": \"X\", \"unitPrice\": 0, \"vatRate\": 19, \"unit\": \"h\"}",
                        "unitPrice"),
                arguments(
                        "/products",
                        "a product at a negative price",
                        "{\"sku\": \"BAD-4\", \"name\": \"X\", \"unitPrice\": -5, \"vatRate\": 19, \"unit\": \"h\"}",
                        "unitPrice"),
                arguments(
                        "/products",
                        "a product priced in fractions of a cent",
                        "{\"sku\": \"BAD-5\", \"name\": \"X\", \"unitPrice\": 10.005, \"vatRate\": 19, \"unit\": \"h\"}",
                        "unitPrice"),
                arguments(
                        "/products",
                        "a product without SKU",
                        "{\"name\": \"X\", \"unitPrice\": 10, \"vatRate\": 19, \"unit\": \"h\"}",
                        "sku"),
                arguments(
                        "/offers",
                        "an offer with a negative quantity",
                        "{\"customerId\": \"{customer}\", \"billing\": \"ON_ACCEPTANCE\", \"lines\": [{\"sku\": \"{sku}\", \"quantity\": -1}]}",
                        "lines[0].quantity"),
                arguments(
                        "/offers",
                        "an offer with quantity zero in its second line",
                        "{\"customerId\": \"{customer}\", \"billing\": \"ON_ACCEPTANCE\", \"lines\": [{\"sku\": \"{sku}\", \"quantity\": 1}, {\"sku\": \"{sku}\", \"quantity\": 0}]}",
                        "lines[1].quantity"),
                arguments(
                        "/offers",
                        "an offer with an unknown SKU",
                        "{\"customerId\": \"{customer}\", \"billing\": \"ON_ACCEPTANCE\", \"lines\": [{\"sku\": \"{sku}\", \"quantity\": 1}, {\"sku\": \"NO-SUCH-SKU\", \"quantity\": 1}]}",
                        "lines[1].sku"),
                arguments(
                        "/offers",
                        "an offer to an unknown customer",
                        "{\"customerId\": \"" + UUID.randomUUID()
                                + "\", \"billing\": \"ON_ACCEPTANCE\", \"lines\": [{\"sku\": \"{sku}\", \"quantity\": 1}]}",
                        "customerId"),
                arguments(
                        "/offers",
                        "an offer with a discount above 100 %",
                        "{\"customerId\": \"{customer}\", \"billing\": \"ON_ACCEPTANCE\", \"lines\": [{\"sku\": \"{sku}\", \"quantity\": 1, \"discountPercent\": 150}]}",
                        "lines[0].discountPercent"),
                arguments(
                        "/offers",
                        "an offer with a negative unit price",
                        "{\"customerId\": \"{customer}\", \"billing\": \"ON_ACCEPTANCE\", \"lines\": [{\"sku\": \"{sku}\", \"quantity\": 1, \"unitPrice\": -3}]}",
                        "lines[0].unitPrice"),
                arguments(
                        "/offers",
                        "an offer without lines",
                        "{\"customerId\": \"{customer}\", \"billing\": \"ON_ACCEPTANCE\", \"lines\": []}",
                        "lines"),
                arguments(
                        "/offers",
                        "an offer without billing mode",
                        "{\"customerId\": \"{customer}\", \"lines\": [{\"sku\": \"{sku}\", \"quantity\": 1}]}",
                        "billing"));
    }

    @ParameterizedTest(name = "{1} is refused naming {3}")
    @MethodSource("badRequests")
    void bad_input_is_a_400_problem_naming_the_field_and_stores_nothing(
            String path, String what, String body, String field) {
        String request = body.replace("{customer}", customerId()).replace("{sku}", sku());
        Map<String, Long> rowsBefore = rowCounts();
        long numbersBefore = numbersDrawn();

        as("sales")
                .body(request)
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field));

        assertThat(rowCounts()).isEqualTo(rowsBefore);
        assertThat(numbersDrawn()).isEqualTo(numbersBefore);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                arguments(
                        "/customers",
                        "a customer of an unknown type",
                        "{\"name\": \"X\", \"type\": \"PARTNER\", \"email\": \"x@example.org\", " + ADDRESS + "}",
                        "type"),
                arguments(
                        "/offers",
                        "an offer with a quantity that is not a number",
                        "{\"customerId\": \"{customer}\", \"billing\": \"ON_ACCEPTANCE\", \"lines\": [{\"sku\": \"{sku}\", \"quantity\": \"many\"}]}",
                        "lines[0].quantity"));
    }

    /**
     * A value Jackson cannot convert (an unknown enum constant, text for a number) raises a MismatchedInputException,
     * which Quarkus' own BuiltinMismatchedInputExceptionMapper answers as plain application/json: it is more specific
     * than a JsonProcessingException mapper; the platform names it exactly so that its problem details win.
     */
    @ParameterizedTest(name = "{1} is refused naming {3}")
    @MethodSource("wrongTypes")
    void a_value_of_the_wrong_type_is_a_400_problem_naming_the_field_and_stores_nothing(
            String path, String what, String body, String field) {
        bad_input_is_a_400_problem_naming_the_field_and_stores_nothing(path, what, body, field);
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(arguments("/customers"), arguments("/products"), arguments("/offers"));
    }

    @ParameterizedTest(name = "malformed JSON to {0}")
    @MethodSource("endpoints")
    void malformed_json_is_a_400_problem_and_stores_nothing(String path) {
        Map<String, Long> rowsBefore = rowCounts();

        as("sales")
                .body("{\"name\": \"Kaputt GmbH\" \"email\": \"x@example.org\"}")
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kontor:problem:malformed-json"))
                .body(not(containsString("at io.")));

        assertThat(rowCounts()).isEqualTo(rowsBefore);
    }

    @ParameterizedTest(name = "a cut-off body to {0}")
    @MethodSource("endpoints")
    void a_body_cut_off_in_the_middle_is_a_400_problem_and_stores_nothing(String path) {
        Map<String, Long> rowsBefore = rowCounts();

        as("sales")
                .body("{\"name\": \"Kaputt GmbH\", \"lines\": [")
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        assertThat(rowCounts()).isEqualTo(rowsBefore);
    }

    private static synchronized String customerId() {
        if (customerId == null) {
            customerId = registerCustomer("Fehlerfrei GmbH").getString("id");
        }
        return customerId;
    }

    private static synchronized String sku() {
        if (sku == null) {
            sku = createProduct("Schulung", "800.00", 19);
        }
        return sku;
    }
}
