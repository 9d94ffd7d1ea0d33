package io.kontor.legal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.testing.MutableClock;
import io.kontor.testing.TestPrivacy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plays legal's own request: legal-service answers data-subject requests with the case files naming the person, and on
 * erasure restricts them instead of erasing - kept for legal claims (Art. 17 (3) (e) GDPR) while open and then three
 * years from the end of the year of closing (§§195, 199 (1) BGB).
 */
@QuarkusTest
class LegalPersonalDataTest {

    @Inject
    TestPrivacy privacy;

    @Inject
    Cases cases;

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void an_access_request_exports_the_matter_naming_the_person_found_by_e_mail_in_the_contact() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LegalCase matter = open(
                CaseKind.OTHER,
                null,
                new Cases.Party(
                        PartyRole.OPPONENT, "Erika Akte", "K-" + tag, "Tel. 030 1234, erika_" + tag + "@example.org"),
                new Cases.Party(PartyRole.COUNSEL, "RA Dr. Recht", "Az. 1/27", "kanzlei@example.org"));

        JsonNode answer =
                privacy.ask("ACCESS", new DataSubject("Erika Akte", "Erika_" + tag + "@Example.org", null, null, null));

        assertThat(answer.path("service").asText()).isEqualTo("legal-service");
        assertThat(answer.path("found").asBoolean()).isTrue();
        JsonNode category = answer.path("records").get(0);
        assertThat(category.path("category").asText()).isEqualTo("case-files");
        assertThat(category.path("records")).hasSize(1);
        JsonNode record = category.path("records").get(0);
        assertThat(record.path("caseNumber").asText()).isEqualTo(matter.caseNumber);
        assertThat(record.path("status").asText()).isEqualTo("OPEN");
        // The person's own party; counsel's data is counsel's, not hers.
        assertThat(record.path("parties").findValuesAsText("name")).containsExactly("Erika Akte");
        assertThat(record.path("parties").get(0).path("reference").asText()).isEqualTo("K-" + tag);

        // The customer number finds the same matter (a collection case records it as the opponent's reference).
        JsonNode byNumber = privacy.ask("ACCESS", new DataSubject(null, null, "K-" + tag, null, null));
        assertThat(byNumber.path("records").get(0).path("records").findValuesAsText("caseNumber"))
                .containsExactly(matter.caseNumber);
    }

    @Test
    void an_erasure_restricts_a_closed_labour_law_matter_until_three_years_after_the_year_of_closing_art_17_3_e_gdpr() {
        clock.set(Instant.parse("2027-05-17T08:00:00Z"));
        UUID employeeId = UUID.randomUUID();
        LegalCase matter =
                open(CaseKind.LABOUR_LAW, employeeId, new Cases.Party(PartyRole.OPPONENT, "Kai Kündigung", null, null));
        clock.set(Instant.parse("2027-09-01T08:00:00Z"));
        cases.close(matter.id, new Cases.Closing(CaseResult.NO_ACTION, null, "Keine Klage erhoben"), "clerk");

        JsonNode answer =
                privacy.ask("ERASURE", new DataSubject("Kai Kündigung", null, null, employeeId.toString(), null));

        // Closed in 2027: the claims are time-barred at the end of 2030 (§§195, 199 (1) BGB).
        LocalDate keptUntil = LocalDate.of(2030, 12, 31);
        assertThat(answer.path("found").asBoolean()).isTrue();
        assertThat(answer.path("actions")).singleElement().satisfies(action -> {
            assertThat(action.path("category").asText()).isEqualTo("case-files");
            assertThat(action.path("outcome").asText()).isEqualTo("RESTRICTED");
            assertThat(action.path("records").asInt()).isEqualTo(1);
            assertThat(action.path("reason").asText())
                    .contains("Art. 17 (3) (e) GDPR")
                    .contains("§§ 195, 199");
            assertThat(action.path("keptUntil").asText()).isEqualTo(keptUntil.toString());
        });
        // Nothing erased: the matter still names him, marked restricted, and the answer's export shows it.
        LegalCase kept = QuarkusTransaction.requiringNew().call(() -> LegalCase.<LegalCase>findById(matter.id));
        assertThat(kept.title).contains("Kai Kündigung");
        assertThat(kept.processingRestrictedAt).isNotNull();
        assertThat(kept.restrictedUntil).isEqualTo(keptUntil);
        JsonNode record = answer.path("records").get(0).path("records").get(0);
        assertThat(record.path("parties").findValuesAsText("name")).containsExactly("Kai Kündigung");
        assertThat(record.path("restrictedUntil").asText()).isEqualTo(keptUntil.toString());
    }

    @Test
    void an_open_matter_is_kept_while_open_and_closing_it_starts_the_limitation_period() {
        clock.set(Instant.parse("2027-03-01T08:00:00Z"));
        String number = "K-" + UUID.randomUUID().toString().substring(0, 8);
        LegalCase matter =
                open(CaseKind.COLLECTION, null, new Cases.Party(PartyRole.OPPONENT, "Max Schuldner", number, null));

        JsonNode answer = privacy.ask("ERASURE", new DataSubject(null, null, number, null, null));

        assertThat(answer.path("actions")).singleElement().satisfies(action -> {
            assertThat(action.path("outcome").asText()).isEqualTo("RESTRICTED");
            assertThat(action.path("reason").asText())
                    .contains("Art. 17 (3) (e) GDPR")
                    .contains("offen");
            // Art. 17 (3) (e) GDPR: no end day while the claim is pursued.
            assertThat(action.path("keptUntil").isNull()).isTrue();
        });

        clock.set(Instant.parse("2028-02-10T08:00:00Z"));
        cases.close(matter.id, new Cases.Closing(CaseResult.PAID, null, null), "clerk");
        LegalCase closed = QuarkusTransaction.requiringNew().call(() -> LegalCase.<LegalCase>findById(matter.id));
        assertThat(closed.restrictedUntil).isEqualTo(LocalDate.of(2031, 12, 31));
    }

    @Test
    void a_stranger_is_not_found_and_nothing_is_restricted() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LegalCase matter =
                open(CaseKind.OTHER, null, new Cases.Party(PartyRole.OPPONENT, "Erika Fremd", "K-" + tag, null));

        // Same name, other identifiers: the name alone identifies nobody.
        JsonNode answer = privacy.ask(
                "ERASURE",
                new DataSubject(
                        "Erika Fremd",
                        "fremd-" + tag + "@example.org",
                        "K-" + tag + "0",
                        UUID.randomUUID().toString(),
                        null));

        assertThat(answer.path("service").asText()).isEqualTo("legal-service");
        assertThat(answer.path("found").asBoolean()).isFalse();
        assertThat(answer.path("records")).isEmpty();
        assertThat(answer.path("actions")).isEmpty();
        LegalCase untouched = QuarkusTransaction.requiringNew().call(() -> LegalCase.<LegalCase>findById(matter.id));
        assertThat(untouched.processingRestrictedAt).isNull();
    }

    private LegalCase open(CaseKind kind, UUID employeeId, Cases.Party... parties) {
        return cases.open(
                new Cases.Opening(
                        kind,
                        "Akte " + parties[0].name(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        employeeId,
                        kind == CaseKind.COLLECTION ? "EUR" : null,
                        kind == CaseKind.COLLECTION ? new BigDecimal("119.00") : null,
                        List.of(parties),
                        List.of()),
                "clerk");
    }
}
