package io.kontor.accounting.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.invoice.Invoice;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §366 (2) BGB: due before not due, in default (more burdensome) before not, older before newer. */
class ClaimOrderTest {

    @Test
    void due_debts_come_first_then_those_in_default_then_the_older() {
        LocalDate on = LocalDate.parse("2031-05-01");
        Invoice notDue = invoice("RE-2031-000001", "2031-04-01", "2031-05-10", null);
        Invoice dueOld = invoice("RE-2031-000002", "2031-03-01", "2031-03-15", null);
        Invoice dueNewInDefault = invoice("RE-2031-000003", "2031-03-20", "2031-04-03", "2031-04-20");
        Invoice dueNew = invoice("RE-2031-000004", "2031-03-25", "2031-04-08", null);

        assertThat(ClaimOrder.sorted(List.of(notDue, dueNew, dueOld, dueNewInDefault), on))
                .extracting(invoice -> invoice.invoiceNumber)
                .containsExactly("RE-2031-000003", "RE-2031-000002", "RE-2031-000004", "RE-2031-000001");
    }

    private static Invoice invoice(String number, String issued, String due, String defaultSince) {
        Invoice invoice = new Invoice();
        invoice.invoiceNumber = number;
        invoice.issueDate = LocalDate.parse(issued);
        invoice.dueDate = LocalDate.parse(due);
        invoice.defaultSince = defaultSince == null ? null : LocalDate.parse(defaultSince);
        return invoice;
    }
}
