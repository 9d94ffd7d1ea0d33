package io.kontor.process.audit;

import static io.kontor.process.ProcessApi.BASE;
import static io.kontor.process.ProcessApi.as;
import static io.kontor.process.ProcessApi.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.kontor.platform.events.accounting.InvoicePaid;
import io.kontor.platform.events.hr.CandidateRejected;
import io.kontor.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit trail of every domain event: complete, once per event, unalterable and verifiable (GoBD Rz. 58 ff.
 * Unveränderbarkeit, Rz. 107 ff.), kept per record kind (§147 Abs. 1, 3, 4 AO).
 */
@QuarkusTest
class AuditTrailTest {

    @Inject
    TestEvents events;

    @Inject
    AgroalDataSource db;

    @Test
    void each_domain_event_is_one_entry_however_often_it_is_delivered_and_the_chain_verifies() {
        UUID invoice = UUID.randomUUID();
        InvoicePaid paid = new InvoicePaid(invoice, "RE-2026-000042", UUID.randomUUID(), null, LocalDate.now());
        String id = UUID.randomUUID().toString();
        events.send("accounting-service", paid, id, Instant.now());
        events.send("accounting-service", paid, id, Instant.now());

        JsonPath entries = await().atMost(Duration.ofSeconds(30))
                .until(() -> entriesOf(invoice), found -> found.getInt("total") >= 1);
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        entries = entriesOf(invoice);

        assertThat(entries.getInt("total")).isEqualTo(1);
        assertThat(entries.getString("items[0].eventId")).isEqualTo(id);
        assertThat(entries.getString("items[0].eventType")).isEqualTo(InvoicePaid.TYPE);
        assertThat(entries.getString("items[0].hash")).hasSize(64);
        JsonPath verdict = verify();
        assertThat(verdict.getBoolean("intact")).isTrue();
        assertThat(verdict.getLong("verifiedEntries")).isEqualTo(verdict.getLong("entries"));
    }

    /** §147 Abs. 3 AO: books and records ten years; the period starts at the end of the calendar year (Abs. 4). */
    @Test
    void a_booking_record_is_kept_ten_years_to_the_end_of_the_year_and_a_personnel_one_three() {
        UUID invoice = UUID.randomUUID();
        events.send(
                "accounting-service",
                new InvoicePaid(invoice, "RE-2026-000043", UUID.randomUUID(), null, LocalDate.now()));
        UUID application = UUID.randomUUID();
        events.send("hr-service", new CandidateRejected(application, UUID.randomUUID()));

        JsonPath booking =
                await().atMost(Duration.ofSeconds(30)).until(() -> entriesOf(invoice), f -> f.getInt("total") == 1);
        JsonPath personnel =
                await().atMost(Duration.ofSeconds(30)).until(() -> entriesOf(application), f -> f.getInt("total") == 1);

        int year = LocalDate.parse(booking.getString("items[0].recordedAt").substring(0, 10))
                .getYear();
        assertThat(booking.getString("items[0].recordKind")).isEqualTo("BOOKING");
        assertThat(booking.getString("items[0].retainUntil")).isEqualTo((year + 10) + "-12-31");
        assertThat(personnel.getString("items[0].recordKind")).isEqualTo("PERSONNEL");
        assertThat(personnel.getString("items[0].retainUntil")).endsWith("-12-31");
    }

    @Test
    void the_database_refuses_to_change_or_delete_an_entry() throws SQLException {
        awaitSomeEntry();
        try (Connection connection = db.getConnection();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("update audit_entry set actor = 'mallory' where seq = 1"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit_entry where seq = 1"))
                    .hasMessageContaining("append-only");
        }
    }

    /**
     * Someone with the owner's rights switches the trigger off and changes a payload in PostgreSQL itself: the chain
     * names that entry as the first broken link; put back, it verifies again.
     */
    @Test
    void verification_names_the_first_entry_changed_directly_in_the_database() throws SQLException {
        UUID invoice = UUID.randomUUID();
        events.send(
                "accounting-service",
                new InvoicePaid(invoice, "RE-2026-000044", UUID.randomUUID(), null, LocalDate.now(ZoneId.of("UTC"))));
        JsonPath entry =
                await().atMost(Duration.ofSeconds(30)).until(() -> entriesOf(invoice), f -> f.getInt("total") == 1);
        long seq = entry.getLong("items[0].seq");
        assertThat(verify().getBoolean("intact")).isTrue();

        String original = payloadOf(seq);
        setPayload(seq, original.replace("RE-2026-000044", "RE-2026-000045"));
        try {
            JsonPath verdict = verify();
            assertThat(verdict.getBoolean("intact")).isFalse();
            assertThat(verdict.getLong("firstBroken.seq")).isEqualTo(seq);
            assertThat(verdict.getString("firstBroken.eventType")).isEqualTo(InvoicePaid.TYPE);
            assertThat(verdict.getString("firstBroken.reason")).contains("changed");
            assertThat(verdict.getLong("verifiedEntries")).isEqualTo(seq - 1);
        } finally {
            setPayload(seq, original);
        }
        assertThat(verify().getBoolean("intact")).isTrue();
    }

    @Test
    void only_the_process_owner_and_admin_read_the_trail() {
        as("accounting").get(BASE + "/audit/verify").then().statusCode(403);
        as("admin").get(BASE + "/audit/verify").then().statusCode(200);
        owner().queryParam("size", 500).get(BASE + "/audit/entries").then().statusCode(400);
    }

    private String payloadOf(long seq) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select payload from audit_entry where seq = ?")) {
            select.setLong(1, seq);
            var rows = select.executeQuery();
            rows.next();
            return rows.getString(1);
        }
    }

    private void setPayload(long seq, String payload) throws SQLException {
        try (Connection connection = db.getConnection();
                Statement ddl = connection.createStatement();
                PreparedStatement update =
                        connection.prepareStatement("update audit_entry set payload = ? where seq = ?")) {
            ddl.execute("alter table audit_entry disable trigger audit_entry_no_update");
            try {
                update.setString(1, payload);
                update.setLong(2, seq);
                assertThat(update.executeUpdate()).isEqualTo(1);
            } finally {
                ddl.execute("alter table audit_entry enable trigger audit_entry_no_update");
            }
        }
    }

    private void awaitSomeEntry() {
        UUID invoice = UUID.randomUUID();
        events.send(
                "accounting-service",
                new InvoicePaid(invoice, "RE-2026-000046", UUID.randomUUID(), null, LocalDate.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesOf(invoice), f -> f.getInt("total") == 1);
    }

    static JsonPath verify() {
        return owner().get(BASE + "/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static JsonPath entriesOf(UUID subject) {
        return entriesOf(subject.toString());
    }

    static JsonPath entriesOf(String subject) {
        return owner().queryParam("subject", subject)
                .get(BASE + "/audit/entries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
