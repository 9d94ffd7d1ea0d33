package io.kontor.productdevelopment.intake;

import static io.kontor.productdevelopment.ProductDevelopmentApi.REQUIREMENTS;
import static io.kontor.productdevelopment.ProductDevelopmentApi.pd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.productdevelopment.SalesEvents;
import io.kontor.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequirementsFromOfferTest {

    private static final String SALES = "sales-backoffice-service";

    @Inject
    TestEvents events;

    @Test
    void the_marked_lines_of_an_accepted_offer_become_draft_requirements_once_however_often_it_comes() {
        UUID customer = UUID.randomUUID();
        OfferAccepted offer = SalesEvents.accepted(
                customer,
                "Muster GmbH",
                "AN-2026-000019",
                List.of("Schnittstelle zu DATEV", "Beratung", "Export der Stundenzettel"),
                List.of("Schnittstelle zu DATEV", "Export der Stundenzettel"));
        String eventId = UUID.randomUUID().toString();
        events.send(SALES, offer, eventId, Instant.now());
        events.send(SALES, offer, eventId, Instant.now());
        // The same offer under another event id (a replay from elsewhere) files nothing twice either.
        events.send(SALES, offer);

        JsonPath drafts = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> requirementsOf(customer),
                        found -> found.getList("items").size() >= 2);
        // Let a late duplicate show itself before counting.
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        drafts = requirementsOf(customer);

        assertThat(drafts.getList("items.title")).containsExactly("Schnittstelle zu DATEV", "Export der Stundenzettel");
        assertThat(drafts.getList("items.status")).containsOnly("DRAFT");
        assertThat(drafts.getList("items.source.kind")).containsOnly("OFFER");
        assertThat(drafts.getList("items.source.offerId"))
                .containsOnly(offer.offerId().toString());
        assertThat(drafts.getList("items.source.offerLine", Integer.class)).containsExactly(1, 3);
        assertThat(drafts.getList("items.customerName")).containsOnly("Muster GmbH");
        assertThat(drafts.getString("items[0].description")).contains("AN-2026-000019", "Position 1");
    }

    private static JsonPath requirementsOf(UUID customer) {
        return pd().queryParam("customerId", customer)
                .get(REQUIREMENTS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
