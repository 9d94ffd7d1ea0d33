package io.kontor.sales.offer;

import static io.kontor.sales.SalesApi.as;
import static io.kontor.sales.SalesApi.awaitEvent;
import static io.kontor.sales.SalesApi.column;
import static io.kontor.sales.SalesApi.createOffer;
import static io.kontor.sales.SalesApi.createOfferIn;
import static io.kontor.sales.SalesApi.events;
import static io.kontor.sales.SalesApi.json;
import static io.kontor.sales.SalesApi.registerCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.kontor.testing.MutableClock;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OfferExpiryTest {

    private static final String EXPIRED = "kontor.sales.offer-expired.v1";

    @Inject
    MutableClock clock;

    @Inject
    OfferExpiry expiry;

    @Inject
    Scheduler scheduler;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void an_unanswered_offer_expires_on_the_first_read_after_its_last_valid_day_and_is_published_once() {
        clock.set(Instant.parse("2033-05-02T08:00:00Z"));
        String id = createOfferIn("SENT");
        as("sales").get("/offers/" + id).then().body("validUntil", equalTo("2033-06-01"));

        clock.set(Instant.parse("2033-06-01T21:59:00Z")); // 23:59 in Berlin: the last valid day
        as("sales")
                .get("/offers/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SENT"))
                .body("expiredAt", nullValue());
        clock.set(Instant.parse("2033-06-01T22:00:00Z")); // midnight in Berlin
        as("sales")
                .get("/offers/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("EXPIRED"))
                .body("expiredAt", notNullValue());
        as("sales").get("/offers/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));

        JsonPath data = json(awaitEvent("sales.offers", id, EXPIRED).value());
        assertThat(data.getString("offerId")).isEqualTo(id);
        assertThat(data.getString("offerNumber")).startsWith("AN-2033-");
        assertThat(data.getString("validUntil")).isEqualTo("2033-06-01");
        assertThat(events("sales.offers", id, EXPIRED, Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void the_daily_run_expires_sent_offers_nobody_reads_and_leaves_the_others() {
        clock.set(Instant.parse("2034-02-01T10:00:00Z"));
        String sent = createOfferIn("SENT");
        String draft = createOfferIn("DRAFT");
        String accepted = createOfferIn("ACCEPTED");
        String rejected = createOfferIn("REJECTED");
        clock.set(Instant.parse("2034-03-01T10:00:00Z")); // validUntil 2034-03-03: not yet
        String stillValid = createOfferIn("SENT");
        clock.set(Instant.parse("2034-03-04T00:30:00Z"));

        expiry.run();

        assertThat(List.of(
                        column("offer", "status", sent),
                        column("offer", "status", draft),
                        column("offer", "status", accepted),
                        column("offer", "status", rejected),
                        column("offer", "status", stillValid)))
                .containsExactly("EXPIRED", "DRAFT", "ACCEPTED", "REJECTED", "SENT");
        awaitEvent("sales.offers", sent, EXPIRED);
        expiry.run();
        assertThat(events("sales.offers", sent, EXPIRED, Duration.ofSeconds(1))).hasSize(1);
        assertThat(events("sales.offers", stillValid, EXPIRED, Duration.ofMillis(300)))
                .isEmpty();
    }

    @Test
    void a_list_of_sent_offers_never_shows_one_past_its_validity() {
        clock.set(Instant.parse("2035-01-10T10:00:00Z"));
        String customerId = registerCustomer("Fristablauf GmbH").getString("id");
        String id = createOffer(customerId);
        as("sales").post("/offers/" + id + "/send").then().statusCode(200);
        clock.set(Instant.parse("2035-02-10T10:00:00Z"));

        as("sales")
                .queryParam("customerId", customerId)
                .queryParam("status", "SENT")
                .get("/offers")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        as("sales")
                .queryParam("customerId", customerId)
                .queryParam("status", "EXPIRED")
                .get("/offers")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(id));
    }

    @Test
    void an_expired_offer_can_no_longer_be_accepted_or_rejected() {
        clock.set(Instant.parse("2036-01-10T10:00:00Z"));
        String id = createOfferIn("SENT");
        clock.set(Instant.parse("2036-03-01T10:00:00Z"));
        as("sales").get("/offers/" + id).then().body("status", equalTo("EXPIRED"));

        as("sales").post("/offers/" + id + "/accept").then().statusCode(409).contentType("application/problem+json");
        as("sales")
                .body("{\"reason\": \"zu spät\"}")
                .post("/offers/" + id + "/reject")
                .then()
                .statusCode(409);
        as("sales").post("/offers/" + id + "/send").then().statusCode(409);
        assertThat(column("offer", "status", id)).isEqualTo("EXPIRED");
    }

    @Test
    void the_expiry_runs_by_itself_once_a_day() {
        Trigger trigger = scheduler.getScheduledJob(OfferExpiry.JOB);

        assertThat(trigger).isNotNull();
        Instant next = trigger.getNextFireTime();
        assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(1)));
    }
}
