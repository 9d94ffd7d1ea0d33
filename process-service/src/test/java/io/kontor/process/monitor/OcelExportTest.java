package io.kontor.process.monitor;

import static io.kontor.process.ProcessApi.BASE;
import static io.kontor.process.ProcessApi.owner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kontor.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The OCEL 2.0 export read by a reader we did not write: networknt's validator with the standard's own JSON schema
 * (test resource ocel/ocel20-schema-json.json, source in ocel/SOURCE.md), date-time formats asserted.
 */
@QuarkusTest
class OcelExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestEvents events;

    @Test
    void the_export_of_a_process_is_valid_ocel_2_with_its_events_and_objects() throws IOException {
        UUID offer = new Flows(events).quoteToCash(Instant.parse("2026-04-06T08:00:00Z"), true);
        ProcessMonitoringTest.awaitCase("quote-to-cash", offer, 5);

        JsonNode log = JSON.readTree(owner().queryParam("process", "quote-to-cash")
                .get(BASE + "/ocel")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        assertThat(schema().validate(log)).isEmpty();
        assertThat(log.findValuesAsText("id")).contains("offer:" + offer);
        assertThat(log.path("objectTypes").findValuesAsText("name")).contains("offer", "invoice", "customer");
        assertThat(log.path("eventTypes").findValuesAsText("name"))
                .contains("kontor.sales.offer-sent.v1", "kontor.accounting.invoice-paid.v1");
    }

    @Test
    void the_schema_refuses_what_is_not_ocel_2() throws IOException {
        ObjectNode notOcel = JSON.createObjectNode();
        notOcel.putArray("events").addObject().put("id", "e1").put("type", "x").put("time", "yesterday");
        notOcel.putArray("objects");

        Set<ValidationMessage> errors = schema().validate(notOcel);

        assertThat(errors)
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("eventTypes"));
        assertThat(errors)
                .extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("date-time"));
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = OcelExportTest.class.getResourceAsStream("/ocel/ocel20-schema-json.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        }
    }
}
