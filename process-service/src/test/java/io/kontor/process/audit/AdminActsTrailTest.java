package io.kontor.process.audit;

import static io.kontor.process.audit.AuditTrailTest.entriesOf;
import static io.kontor.process.audit.AuditTrailTest.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kontor.devinfra.DevJwt;
import io.kontor.platform.events.audit.AdminActRecorded;
import io.kontor.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The administrative acts of every service reach the audit trail (GoBD Rz. 151 ff.: who did what to the system is part
 * of the procedure documentation), once each, chained like the domain events, kept per record kind.
 */
@QuarkusTest
class AdminActsTrailTest {

    @Inject
    TestEvents events;

    @Test
    void a_dead_letter_replay_in_another_service_is_one_administrative_entry_however_often_it_arrives() {
        String topic = "topic:sales.offers." + UUID.randomUUID().toString().substring(0, 8);
        AdminActRecorded act = new AdminActRecorded(
                UUID.randomUUID(),
                "accounting-service",
                "dead-letters.replayed",
                AdminActRecorded.CHANGE,
                DevJwt.ISSUER + " ops-anna",
                topic,
                Map.of("letters", "1"),
                Instant.now());
        String id = UUID.randomUUID().toString();
        events.send("accounting-service", act, id, Instant.now());
        events.send("accounting-service", act, id, Instant.now());

        JsonPath entries = await().atMost(Duration.ofSeconds(30))
                .until(() -> entriesOf(topic), found -> found.getInt("total") >= 1);
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        entries = entriesOf(topic);

        assertThat(entries.getInt("total")).isEqualTo(1);
        assertThat(entries.getString("items[0].kind")).isEqualTo("ADMINISTRATIVE_ACT");
        assertThat(entries.getString("items[0].eventType")).isEqualTo("dead-letters.replayed");
        assertThat(entries.getString("items[0].eventId")).isEqualTo(id);
        assertThat(entries.getString("items[0].topic")).isEqualTo(AdminActRecorded.TOPIC);
        assertThat(entries.getString("items[0].actor")).isEqualTo(DevJwt.ISSUER + " ops-anna");
        // §147 Abs. 3, 4 AO: as long as the books the act explains, from the end of the year.
        assertThat(entries.getString("items[0].recordKind")).isEqualTo("ADMINISTRATIVE");
        assertThat(entries.getString("items[0].retainUntil")).isEqualTo(yearOf(entries) + 10 + "-12-31");
        assertThat(verify().getBoolean("intact")).isTrue();
    }

    /** GDPR Art. 5(1)(e): a log of who read a personnel file names the person; it is kept three years, not ten. */
    @Test
    void a_read_of_a_personnel_file_is_an_access_entry_kept_three_years() {
        String employee = "employee:" + UUID.randomUUID();
        events.send(
                "hr-service",
                new AdminActRecorded(
                        UUID.randomUUID(),
                        "hr-service",
                        "personnel-file.read",
                        AdminActRecorded.READ,
                        DevJwt.ISSUER + " hr-bea",
                        employee,
                        Map.of(),
                        Instant.now()));

        JsonPath entries = await().atMost(Duration.ofSeconds(30))
                .until(() -> entriesOf(employee), found -> found.getInt("total") == 1);
        assertThat(entries.getString("items[0].recordKind")).isEqualTo("ACCESS");
        assertThat(entries.getString("items[0].retainUntil")).isEqualTo(yearOf(entries) + 3 + "-12-31");
    }

    private static int yearOf(JsonPath entries) {
        return LocalDate.parse(entries.getString("items[0].recordedAt").substring(0, 10))
                .getYear();
    }
}
