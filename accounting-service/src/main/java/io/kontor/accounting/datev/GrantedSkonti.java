package io.kontor.accounting.datev;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.Skonto;
import io.kontor.accounting.payment.Payment;
import io.kontor.platform.problem.InvalidFieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Skonto granted on our invoices, as DATEV bookings: per tax treatment and rate of the invoice, its share of the
 * discount (gross) from the Skonto account of that rate to the debtor. The Skonto accounts are automatic accounts with
 * the rate's tax key, so DATEV splits each line into the reduced tax base and the VAT correction itself (§17 (1) UStG);
 * the shares are those of {@link Skonto#split}, which the invoice's view and tests show with net and VAT.
 */
@ApplicationScoped
public class GrantedSkonti {

    /** The lines of one Skonto booking, or of its reversal ({@code reversal}: Generalumkehr). */
    List<Booking> bookings(Payment payment, Payment booked, DatevExport.Period period, boolean reversal) {
        Invoice invoice = Invoice.findById(booked.invoiceId);
        List<Booking> lines = new ArrayList<>();
        for (Skonto.Share share : Skonto.split(booked.amount, invoice.totals().vatBreakdown())) {
            String key = DatevExport.revenueKey(share.treatment(), share.rate());
            String account = period.accounts().skonto().get(key);
            if (account == null) {
                throw new InvalidFieldProblem(
                        "chart",
                        "no Skonto account for " + key + " in " + period.chart() + " (invoice " + invoice.invoiceNumber
                                + "): set kontor.accounting.datev.charts."
                                + period.chart().toLowerCase(Locale.ROOT) + ".skonto." + key);
            }
            lines.add(new Booking(
                    share.gross(),
                    account,
                    period.accounts().receivables(),
                    null,
                    payment.valueDate,
                    invoice.invoiceNumber,
                    null,
                    (reversal ? "Storno " : "") + "Skonto (USt "
                            + share.rate().stripTrailingZeros().toPlainString() + " %) " + invoice.buyer.name,
                    DatevExport.documentLink(invoice),
                    null,
                    null,
                    reversal));
        }
        return lines;
    }
}
