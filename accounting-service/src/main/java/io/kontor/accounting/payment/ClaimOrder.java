package io.kontor.accounting.payment;

import io.kontor.accounting.invoice.Invoice;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The order of §366 (2) BGB in which a payment (or a credit) settles several debts when the debtor designated none:
 * first the debt that is due; among due ones the one that gives the creditor the least security (all ours are
 * unsecured, so this step never decides); then the more burdensome for the debtor, which is the one in default and
 * bearing default interest (§288 BGB); then the older one (earlier due date, then earlier issue date); invoice number
 * last, so that the order is total. The proportional split of §366 (2) for debts equal in every respect cannot occur.
 */
public final class ClaimOrder {

    private ClaimOrder() {}

    public static List<Invoice> sorted(List<Invoice> invoices, LocalDate on) {
        return invoices.stream().sorted(comparator(on)).toList();
    }

    static Comparator<Invoice> comparator(LocalDate on) {
        return Comparator.<Invoice, Boolean>comparing(invoice -> !isDue(invoice, on))
                .thenComparing(invoice -> !inDefault(invoice, on))
                .thenComparing(invoice -> invoice.dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(invoice -> invoice.issueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(invoice -> invoice.invoiceNumber, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static boolean isDue(Invoice invoice, LocalDate on) {
        return invoice.dueDate != null && !invoice.dueDate.isAfter(on);
    }

    private static boolean inDefault(Invoice invoice, LocalDate on) {
        return invoice.defaultSince != null && invoice.defaultSince.isBefore(on);
    }
}
