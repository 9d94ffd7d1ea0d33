package io.kontor.process.privacy;

import static io.kontor.process.ProcessApi.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.process.audit.AuditEntry;
import io.kontor.testing.TestEvents;
import io.kontor.testing.TestPrivacy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Plays sales and legal: the audit trail recorded an event naming a person; a data-subject request exports the entry
 * (GDPR Art. 15), an erasure restricts it and leaves the append-only, hash-chained trail untouched (GoBD Rz. 58, §147
 * AO; Art. 17 (3) (b), Art. 18 GDPR).
 */
@QuarkusTest
class ProcessPersonalDataTest {

    @Inject
    TestEvents events;

    @Inject
    TestPrivacy privacy;

    @Test
    void audit_entries_naming_the_person_are_exported_and_on_erasure_restricted_not_erased() {
        UUID customerId = UUID.randomUUID();
        String email = "erika." + customerId.toString().substring(0, 8) + "@example.org";
        events.send(
                "sales-backoffice-service",
                new CustomerRegistered(
                        customerId,
                        "K-" + customerId.toString().substring(0, 6),
                        "Erika Verbraucherin",
                        CustomerType.CONSUMER,
                        email,
                        null,
                        14,
                        new Address("Weg 1", "10115", "Berlin", "DE")));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("subject", customerId.toString()))
                                > 0);

        JsonNode access = privacy.ask("ACCESS", new DataSubject(null, email.toUpperCase(), null, null, null));
        JsonNode entry = access.path("records").get(0).path("records").get(0);
        assertThat(access.path("records").get(0).path("category").asText()).isEqualTo("audit-trail");
        assertThat(entry.path("eventType").asText()).isEqualTo(CustomerRegistered.TYPE);
        assertThat(entry.path("payload").path("name").asText()).isEqualTo("Erika Verbraucherin");

        JsonNode erasure = privacy.ask("ERASURE", new DataSubject(null, email, null, null, null));

        JsonNode action = erasure.path("actions").get(0);
        assertThat(action.path("outcome").asText()).isEqualTo("RESTRICTED");
        assertThat(action.path("reason").asText()).contains("GoBD").contains("§147 AO");
        assertThat(action.path("keptUntil").asText())
                .isEqualTo(entry.path("retainUntil").asText());
        assertThat(erasure.path("records")
                        .get(0)
                        .path("records")
                        .get(0)
                        .path("restrictedAt")
                        .isNull())
                .isFalse();
        // Nothing in the trail changed: the chain still verifies.
        owner().get(io.kontor.process.ProcessApi.BASE + "/audit/verify")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true));
    }
}
