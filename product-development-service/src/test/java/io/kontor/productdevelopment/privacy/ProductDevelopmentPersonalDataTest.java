package io.kontor.productdevelopment.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.CustomerSnapshot;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.productdevelopment.SalesEvents;
import io.kontor.productdevelopment.requirement.Requirement;
import io.kontor.testing.TestEvents;
import io.kontor.testing.TestPrivacy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Plays sales and legal: requirements filed from a consumer's accepted offer carry the customer's name; a data-subject
 * request by customer number exports them (GDPR Art. 15) and an erasure drops the name (Art. 17), keeping the
 * requirement traceable to the offer.
 */
@QuarkusTest
class ProductDevelopmentPersonalDataTest {

    @Inject
    TestEvents events;

    @Inject
    TestPrivacy privacy;

    @Test
    void requirements_of_a_customer_are_exported_by_customer_number_and_lose_the_name_on_erasure() {
        UUID customerId = UUID.randomUUID();
        String number = "K-" + customerId.toString().substring(0, 6);
        OfferAccepted template = SalesEvents.accepted(
                customerId,
                "Erika Verbraucherin",
                "AN-PRIV-" + number,
                List.of("Smart-Home-Steuerung"),
                List.of("Smart-Home-Steuerung"));
        OfferAccepted accepted = new OfferAccepted(
                template.offerId(),
                template.offerNumber(),
                template.revision(),
                customerId,
                new CustomerSnapshot(
                        number,
                        "Erika Verbraucherin",
                        CustomerType.CONSUMER,
                        "erika@example.org",
                        null,
                        14,
                        new Address("Weg 1", "10115", "Berlin", "DE"),
                        null),
                template.billing(),
                template.currency(),
                template.lines(),
                template.netTotal(),
                template.vatTotal(),
                template.grossTotal(),
                template.acceptedAt(),
                null,
                null,
                null,
                null,
                null,
                null);
        events.send("sales-backoffice-service", accepted);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !requirements(customerId).isEmpty());

        JsonNode access = privacy.ask("ACCESS", new DataSubject(null, null, number, null, null));
        JsonNode record = access.path("records").get(0).path("records").get(0);
        assertThat(record.path("customerName").asText()).isEqualTo("Erika Verbraucherin");
        assertThat(record.path("offerNumber").asText()).isEqualTo("AN-PRIV-" + number);

        JsonNode erasure = privacy.ask("ERASURE", new DataSubject(null, null, number, null, null));
        assertThat(erasure.path("actions").get(0).path("outcome").asText()).isEqualTo("ERASED");
        assertThat(erasure.path("actions").get(0).path("records").asInt()).isEqualTo(1);
        assertThat(requirements(customerId)).singleElement().satisfies(r -> {
            assertThat(r.customerName).isNull();
            assertThat(r.sourceOfferNumber).isEqualTo("AN-PRIV-" + number);
        });
    }

    @Test
    void a_customer_product_development_never_heard_of_is_answered_with_nothing_found() {
        JsonNode answer = privacy.ask("ACCESS", new DataSubject(null, null, "K-UNBEKANNT", null, null));

        assertThat(answer.path("found").asBoolean()).isFalse();
        assertThat(answer.path("service").asText()).isEqualTo("product-development-service");
    }

    private static List<Requirement> requirements(UUID customerId) {
        return QuarkusTransaction.requiringNew().call(() -> Requirement.list("customerId", customerId));
    }
}
