package io.kontor.hr.contract;

import static io.kontor.hr.HrApi.ADDRESS;
import static io.kontor.hr.HrApi.applicationAt;
import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.openPosition;
import static io.kontor.hr.HrApi.pdfText;
import static io.kontor.hr.HrApi.uniqueTaxId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract as the written record of the essential terms (§2(1) NachwG), read back from its PDF. */
@QuarkusTest
class NachweisTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void the_signed_contract_states_every_item_of_section_2_paragraph_1_nachwg() {
        clock.set(Instant.parse("2027-03-15T10:00:00Z"));
        String application = applicationAt(openPosition("Lohnbuchhalterin"), "Nora", "Nachweis", "OFFER");
        String contract = as("hr").body("""
                {"startDate": "2027-04-01", "contractType": "FIXED_TERM", "endDate": "2028-09-30",
                 "annualSalary": 58000.00, "weeklyHours": 40, "probationMonths": 3, "taxId": "%s", %s,
                 "placeOfWork": "Speicherstadt 1, Hamburg; mobiles Arbeiten nach Absprache",
                 "jobDescription": "Entgeltabrechnung für 200 Beschäftigte",
                 "bonuses": "Jahresprämie von 1.000,00 EUR brutto, fällig mit dem Novembergehalt",
                 "shiftWork": "Frühschicht 6-14 Uhr und Spätschicht 14-22 Uhr im wöchentlichen Wechsel"}
                """.formatted(uniqueTaxId(), ADDRESS))
                .post("/applications/" + application + "/hire")
                .then()
                .statusCode(201)
                .extract()
                .path("contract.id");
        as("hr").post("/contracts/" + contract + "/sign").then().statusCode(200);

        String text = pdfText(as("hr").get("/contracts/" + contract + "/document")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray())
                .replaceAll("\\s+", " ");

        assertThat(text)
                .as("no. 1: names and addresses of the parties")
                .contains("Kontor GmbH, Speicherstadt 1, 20457 Hamburg (Arbeitgeber)")
                .contains("Nora Nachweis, Hafenstraße 7, 20459 Hamburg (Arbeitnehmer)");
        assertThat(text).as("no. 2: start").contains("beginnt am 01.04.2027");
        assertThat(text).as("no. 3: end of the fixed term").contains("befristet bis zum 30.09.2028");
        assertThat(text)
                .as("no. 4: place of work")
                .contains("Arbeitsort: Speicherstadt 1, Hamburg; mobiles Arbeiten nach Absprache");
        assertThat(text)
                .as("no. 5: the work")
                .contains("als Lohnbuchhalterin eingestellt", "Tätigkeit: Entgeltabrechnung für 200 Beschäftigte");
        assertThat(text).as("no. 6: probation").contains("Die ersten 3 Monate");
        assertThat(text)
                .as("no. 7: composition and amount of pay, due date, payment method")
                .contains("Bruttojahresgehalt von 58.000,00 EUR", "Monatsraten von je 4.833,33 EUR")
                .contains("Jahresprämie von 1.000,00 EUR brutto, fällig mit dem Novembergehalt")
                .contains("Vergütung von Überstunden")
                .contains("Fälligkeit: Das Entgelt ist fällig zum letzten Bankarbeitstag des Kalendermonats")
                .contains("Art der Auszahlung: bargeldlos durch Überweisung");
        assertThat(text)
                .as("no. 8: working time, breaks, rest periods, shifts")
                .contains("40 Stunden an 5 Arbeitstagen", "Montag bis Freitag")
                .contains("Ruhepausen: Mindestens 30 Minuten bei mehr als sechs", "(§ 4 ArbZG)")
                .contains("Ruhezeiten: Nach Ende der täglichen Arbeitszeit", "(§ 5 ArbZG)")
                .contains("Schichtarbeit: Frühschicht 6-14 Uhr und Spätschicht 14-22 Uhr im wöchentlichen Wechsel");
        assertThat(text).as("no. 10: overtime").contains("Überstunden: Nur auf Anordnung des Arbeitgebers");
        assertThat(text)
                .as("no. 11: annual leave")
                .contains("30 Arbeitstage bezahlten Erholungsurlaub", "§ 3 BUrlG: 20 Arbeitstage");
        assertThat(text).as("no. 12: training").contains("Anspruch auf vom Arbeitgeber bereitgestellte Fortbildung");
        assertThat(text).as("no. 13: company pension").contains("Betriebliche Altersversorgung", "§ 1a BetrAVG");
        assertThat(text)
                .as("no. 14: termination: written form, notice periods, three weeks to sue")
                .contains("Schriftform (§ 623 BGB)", "§ 622", "innerhalb von drei Wochen", "(§ 4 KSchG)");
        assertThat(text)
                .as("no. 15: collective and works agreements")
                .contains("keine Tarifverträge und keine Betriebs- oder Dienstvereinbarungen");
        assertThat(text)
                .as("§2(1) sentence 4 NachwG: the deadlines, met by signing before the start")
                .contains("Angaben Nr. 1, 7, 8: bis 01.04.2027 (erfüllt)")
                .contains("Angaben Nr. 2 bis 6, 9, 10: bis 08.04.2027 (erfüllt)")
                .contains("Angaben Nr. 11 bis 15: bis 01.05.2027 (erfüllt)")
                .contains("Unterzeichnet am 15.03.2027");
    }

    @Test
    void an_unsigned_contract_shows_which_nachwg_deadlines_have_passed() {
        clock.set(Instant.parse("2027-03-15T10:00:00Z"));
        String application = applicationAt(openPosition("Buchhalter"), "Otto", "Offen", "OFFER");
        String contract = as("hr").body("""
                {"startDate": "2027-04-01", "contractType": "PERMANENT", "annualSalary": 50000, "weeklyHours": 40,
                 "probationMonths": 6, "taxId": "%s", %s}
                """.formatted(uniqueTaxId(), ADDRESS))
                .post("/applications/" + application + "/hire")
                .then()
                .statusCode(201)
                .body("contract.writtenTerms.placeOfWork", equalTo("Hamburg"))
                .body("contract.writtenTerms.jobDescription", equalTo("Tätigkeiten als Buchhalter"))
                .body("contract.writtenTerms.annualLeaveDays", equalTo(30))
                .body("contract.nachweisDeadlines.status", equalTo(List.of("OPEN", "OPEN", "OPEN")))
                .extract()
                .path("contract.id");

        clock.set(Instant.parse("2027-04-09T10:00:00Z"));
        as("hr").get("/contracts/" + contract)
                .then()
                .body("nachweisDeadlines.dueBy", equalTo(List.of("2027-04-01", "2027-04-08", "2027-05-01")))
                .body("nachweisDeadlines.status", equalTo(List.of("OVERDUE", "OVERDUE", "OPEN")));
    }

    @Test
    void a_hire_without_the_employees_address_or_with_too_little_leave_is_a_400_and_stores_nothing() {
        String application = applicationAt(openPosition("Bote"), "Anna", "Adresslos", "OFFER");

        as("hr").body("""
                {"startDate": "2027-04-01", "contractType": "PERMANENT", "annualSalary": 50000, "weeklyHours": 40,
                 "probationMonths": 6, "taxId": "%s"}
                """.formatted(uniqueTaxId()))
                .post("/applications/" + application + "/hire")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("employeeAddress"));
        as("hr").body("""
                {"startDate": "2027-04-01", "contractType": "PERMANENT", "annualSalary": 50000, "weeklyHours": 40,
                 "probationMonths": 6, "taxId": "%s", %s, "annualLeaveDays": 19}
                """.formatted(uniqueTaxId(), ADDRESS))
                .post("/applications/" + application + "/hire")
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("annualLeaveDays")));

        as("hr").get("/applications/" + application).then().body("stage", equalTo("OFFER"));
    }
}
