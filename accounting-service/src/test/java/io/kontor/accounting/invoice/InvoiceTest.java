package io.kontor.accounting.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontor.platform.problem.ConflictProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceTest {

    @ParameterizedTest(name = "issued {0} with {1} days is due {2}")
    @CsvSource({
        "2030-06-15, 30, 2030-07-15",
        "2030-06-15, 14, 2030-06-29",
        "2030-06-15, 0,  2030-06-15",
        "2030-12-20, 14, 2031-01-03",
        "2028-02-15, 14, 2028-02-29", // leap year
        "2030-01-31, 30, 2030-03-02",
    })
    void the_due_date_is_the_issue_date_plus_the_payment_term(
            LocalDate issueDate, int paymentTermDays, LocalDate dueDate) {
        Invoice invoice = draft(paymentTermDays);

        invoice.issue("RE-2030-000001", issueDate);

        assertThat(invoice.dueDate).isEqualTo(dueDate);
    }

    @Test
    void issuing_gives_the_number_and_the_status() {
        Invoice invoice = draft(14);

        invoice.issue("RE-2030-000007", LocalDate.parse("2030-06-15"));

        assertThat(invoice.invoiceNumber).isEqualTo("RE-2030-000007");
        assertThat(invoice.status).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.issueDate).isEqualTo(LocalDate.parse("2030-06-15"));
    }

    @Test
    void an_issued_invoice_cannot_be_issued_again() {
        Invoice invoice = draft(14);
        invoice.issue("RE-2030-000001", LocalDate.parse("2030-06-15"));

        assertThatThrownBy(() -> invoice.issue("RE-2030-000002", LocalDate.parse("2030-06-16")))
                .isInstanceOf(ConflictProblem.class)
                .hasMessageContaining("ISSUED");
        assertThat(invoice.invoiceNumber).isEqualTo("RE-2030-000001");
    }

    @Test
    void a_draft_carries_the_recomputed_totals_of_its_lines() {
        Invoice invoice = draft(14);

        assertThat(invoice.netTotal).isEqualTo(new BigDecimal("1767.47"));
        assertThat(invoice.vatTotal).isEqualTo(new BigDecimal("327.72"));
        assertThat(invoice.grossTotal).isEqualTo(new BigDecimal("2095.19"));
        assertThat(invoice.openAmount()).as("a draft is not owed yet").isEqualTo(new BigDecimal("0.00"));
    }

    @ParameterizedTest(name = "due {0}, today {1}: overdue {2}")
    @CsvSource({
        "2030-06-29, 2030-06-28, false",
        "2030-06-29, 2030-06-29, false",
        "2030-06-29, 2030-06-30, true",
    })
    void an_issued_invoice_is_overdue_from_the_day_after_its_due_date(
            LocalDate dueDate, LocalDate today, boolean overdue) {
        Invoice invoice = draft(14);
        invoice.issue("RE-2030-000001", dueDate.minusDays(14));

        assertThat(invoice.isOverdue(today)).isEqualTo(overdue);
    }

    @Test
    void an_issued_invoice_is_owed_in_full() {
        Invoice invoice = draft(14);
        invoice.issue("RE-2030-000001", LocalDate.parse("2030-06-15"));

        assertThat(invoice.openAmount()).isEqualTo(new BigDecimal("2095.19"));
    }

    @Test
    void cancelling_an_issued_invoice_records_the_credit_note_and_leaves_nothing_owed() {
        Invoice invoice = draft(14);
        invoice.issue("RE-2030-000001", LocalDate.parse("2030-06-15"));

        invoice.cancel("GS-2030-000001", LocalDate.parse("2030-06-20"), "Doppelt berechnet");

        assertThat(invoice.status).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(invoice.invoiceNumber)
                .as("a cancelled invoice keeps its number")
                .isEqualTo("RE-2030-000001");
        assertThat(invoice.creditNoteNumber).isEqualTo("GS-2030-000001");
        assertThat(invoice.cancelledOn).isEqualTo(LocalDate.parse("2030-06-20"));
        assertThat(invoice.openClaim().total()).isEqualByComparingTo("0");
        assertThat(invoice.isOverdue(LocalDate.parse("2031-01-01"))).isFalse();
    }

    @Test
    void a_draft_a_partly_paid_or_a_cancelled_invoice_cannot_be_cancelled() {
        Invoice draft = draft(14);
        Invoice partlyPaid = draft(14);
        partlyPaid.issue("RE-2030-000002", LocalDate.parse("2030-06-15"));
        partlyPaid.settle(new io.kontor.accounting.payment.PaymentAllocation(
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("10.00"), BigDecimal.ZERO));
        Invoice cancelled = draft(14);
        cancelled.issue("RE-2030-000003", LocalDate.parse("2030-06-15"));
        cancelled.cancel("GS-2030-000001", LocalDate.parse("2030-06-16"), null);

        for (Invoice invoice : List.of(draft, partlyPaid, cancelled)) {
            assertThatThrownBy(() -> invoice.cancel("GS-2030-000009", LocalDate.parse("2030-06-20"), null))
                    .isInstanceOf(ConflictProblem.class);
        }
        assertThat(cancelled.creditNoteNumber).isEqualTo("GS-2030-000001");
    }

    @Test
    void payments_move_an_invoice_to_partially_paid_and_to_paid_when_nothing_is_owed() {
        Invoice invoice = draft(14);
        invoice.issue("RE-2030-000001", LocalDate.parse("2030-06-15"));

        invoice.settle(new io.kontor.accounting.payment.PaymentAllocation(
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("2000.00"), BigDecimal.ZERO));
        assertThat(invoice.status).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        invoice.settle(new io.kontor.accounting.payment.PaymentAllocation(
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("95.19"), BigDecimal.ZERO));
        assertThat(invoice.status).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.openAmount()).isEqualByComparingTo("0");
    }

    @Test
    void an_invoice_needs_a_line() {
        assertThatThrownBy(() -> Invoice.draft(
                        InvoiceOrigin.MANUAL,
                        UUID.randomUUID(),
                        null,
                        new Buyer(),
                        14,
                        "EUR",
                        List.of(),
                        Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "a {0} invoice can be disputed: {1}")
    @CsvSource({"DRAFT, false", "ISSUED, true", "PARTIALLY_PAID, true", "PAID, false", "CANCELLED, false"})
    void only_an_invoice_still_owed_can_be_disputed(InvoiceStatus status, boolean disputable) {
        Invoice invoice = draft(14);
        invoice.status = status;

        if (disputable) {
            invoice.dispute("Leistung fehlt", LocalDate.parse("2030-07-01"));
            assertThat(invoice.disputed).isTrue();
        } else {
            assertThatThrownBy(() -> invoice.dispute("Leistung fehlt", LocalDate.parse("2030-07-01")))
                    .isInstanceOf(ConflictProblem.class)
                    .hasMessageContaining(status.name());
            assertThat(invoice.disputed).isFalse();
        }
    }

    @Test
    void a_disputed_invoice_is_not_dunned_and_resolving_keeps_the_record_of_the_dispute() {
        Invoice invoice = draft(14);
        invoice.issue("RE-2030-000001", LocalDate.parse("2030-06-15"));
        invoice.dispute("Preis", LocalDate.parse("2030-07-01"));

        assertThatThrownBy(() -> invoice.dun(1, BigDecimal.ZERO, LocalDate.parse("2030-07-08")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> invoice.dispute("Menge", LocalDate.parse("2030-07-02")))
                .isInstanceOf(ConflictProblem.class);

        invoice.resolveDispute(LocalDate.parse("2030-07-10"));

        assertThat(invoice.disputed).isFalse();
        assertThat(invoice.disputeReason).isEqualTo("Preis");
        assertThat(invoice.disputedSince).isEqualTo(LocalDate.parse("2030-07-01"));
        assertThat(invoice.disputeResolvedOn).isEqualTo(LocalDate.parse("2030-07-10"));
        assertThatThrownBy(() -> invoice.resolveDispute(LocalDate.parse("2030-07-11")))
                .isInstanceOf(ConflictProblem.class);
    }

    private static Invoice draft(int paymentTermDays) {
        List<InvoiceLine> lines = List.of(
                InvoiceLine.of(
                        "CONSULTING",
                        "Beratung",
                        new BigDecimal("10"),
                        "h",
                        new BigDecimal("120.00"),
                        null,
                        new BigDecimal("19")),
                InvoiceLine.of(
                        "BOOK",
                        "Fachbuch",
                        new BigDecimal("3"),
                        "pc",
                        new BigDecimal("24.99"),
                        new BigDecimal("10"),
                        new BigDecimal("7")),
                InvoiceLine.of(
                        "TRAINING",
                        "Schulung",
                        new BigDecimal("1.5"),
                        "d",
                        new BigDecimal("333.33"),
                        null,
                        new BigDecimal("19")));
        return Invoice.draft(
                InvoiceOrigin.MANUAL,
                UUID.randomUUID(),
                null,
                new Buyer(),
                paymentTermDays,
                "EUR",
                lines,
                Instant.parse("2030-06-15T10:00:00Z"));
    }
}
