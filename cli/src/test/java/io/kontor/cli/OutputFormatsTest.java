package io.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFormatsTest {

    static final String CUSTOMERS = """
            {"items":[
              {"id":"3f1c8a52-6a4e-4b5e-9d0c-5a1e2b3c4d5e","customerNumber":"K-000001","name":"Müller Maschinenbau Gesellschaft mit beschränkter Haftung","type":"BUSINESS",
               "email":"buchhaltung@mueller-maschinenbau-niederrhein.de","creditHold":false,"billingAddress":{"city":"Kleve"}},
              {"id":"0a1b2c3d-6a4e-4b5e-9d0c-5a1e2b3c4d5e","customerNumber":"K-000002","name":"Kurz AG","type":"BUSINESS",
               "email":"a@kurz.de","creditHold":true,"billingAddress":{"city":"Bonn"}}],
             "page":0,"size":2,"total":7}""";

    static final String INVOICE = """
            {"id":"9e8d7c6b-0000-4000-8000-000000000001","invoiceNumber":"RE-2026-000042","status":"ISSUED","overdue":true,
             "dunningLevel":1,"grossTotal":1428.00,"openAmount":1428.00,
             "lines":[{"sku":"CONSULT-DAY","description":"Beratung vor Ort, ganztägig, inklusive Reisezeit und Vorbereitung","quantity":1,"unitPrice":1200.00,"vatRate":19,"netAmount":1200.00}]}""";

    @TempDir
    Path home;

    FakeGateway gateway;
    Cli cli;

    @BeforeEach
    void start() throws Exception {
        gateway = FakeGateway.start()
                .json("GET", "/sales/customers", CUSTOMERS)
                .json("GET", "/accounting/invoices/9e8d7c6b-0000-4000-8000-000000000001", INVOICE);
        cli = Cli.loggedIn(home, gateway);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void a_list_is_a_table_that_fits_80_columns_with_a_hint_for_the_next_page() {
        Cli.Result result = cli.run("customers", "list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.lines())
                .hasSize(4)
                .allSatisfy(line -> assertThat(Table.length(line)).isLessThanOrEqualTo(80));
        assertThat(result.lines().get(0)).startsWith("ID").contains("NUMBER", "NAME", "EMAIL", "HOLD");
        assertThat(result.lines().get(1)).startsWith("3f1c8a52-6a4e-4b5e-9d0c-5a1e2b3c4d5e  K-000001  Müller");
        assertThat(result.lines().get(3)).isEqualTo("Showing 2 of 7 (page 0); --page 1 for more.");
    }

    @Test
    void json_output_is_the_gateways_answer_unchanged() throws Exception {
        Cli.Result result = cli.run("customers", "list", "--output", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(Gateway.JSON.readTree(result.out())).isEqualTo(Gateway.JSON.readTree(CUSTOMERS));
    }

    @Test
    void yaml_output_holds_the_same_data() throws Exception {
        Cli.Result result = cli.run("-o", "yaml", "customers", "list");

        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(result.out());
        assertThat(result.exitCode()).isZero();
        assertThat(yaml.path("total").asInt()).isEqualTo(7);
        assertThat(yaml.path("items").get(0).path("name").asText())
                .isEqualTo("Müller Maschinenbau Gesellschaft mit beschränkter Haftung");
        assertThat(yaml.path("items").get(1).path("creditHold").asBoolean()).isTrue();
    }

    @Test
    void an_unknown_output_format_is_a_usage_error() {
        Cli.Result result = cli.run("customers", "list", "-o", "xml");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("xml");
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void one_object_shows_its_fields_and_a_table_of_its_lines_within_80_columns() {
        Cli.Result result = cli.run("invoices", "show", "9e8d7c6b-0000-4000-8000-000000000001");

        assertThat(result.exitCode()).isZero();
        assertThat(result.lines())
                .allSatisfy(line -> assertThat(Table.length(line)).isLessThanOrEqualTo(80));
        assertThat(result.out()).contains("invoiceNumber  RE-2026-000042", "openAmount     1428.00", "LINES:");
        assertThat(result.lines())
                .anySatisfy(line -> assertThat(line).startsWith("CONSULT-DAY").contains("1200.00"));
    }
}
