package io.kontor.accounting.balance;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.payment.OpenClaim;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What a customer owes as of a day: the open items (receivable invoices, oldest due first), how much of it is overdue,
 * the highest dunning level reached, and the customer's credit, which is theirs until set off or paid back.
 */
public record CustomerBalance(
        UUID customerId,
        String currency,
        LocalDate asOf,
        List<OpenItem> openItems,
        BigDecimal openTotal,
        BigDecimal overdueAmount,
        int highestDunningLevel,
        BigDecimal credit,
        BigDecimal balance) {

    /** One open invoice; {@code totalOpen} is principal, fees and interest still owed on it. */
    public record OpenItem(
            UUID invoiceId,
            String invoiceNumber,
            LocalDate issueDate,
            LocalDate dueDate,
            BigDecimal openAmount,
            BigDecimal feesOpen,
            BigDecimal interestOpen,
            BigDecimal totalOpen,
            boolean overdue,
            int dunningLevel) {}

    public static CustomerBalance of(
            UUID customerId, String currency, List<Invoice> invoices, BigDecimal credit, LocalDate asOf) {
        List<OpenItem> items = invoices.stream()
                .filter(invoice -> invoice.status.isReceivable())
                .sorted(Comparator.comparing((Invoice invoice) -> invoice.dueDate)
                        .thenComparing(invoice -> invoice.invoiceNumber))
                .map(invoice -> item(invoice, asOf))
                .toList();
        BigDecimal open = sum(items.stream().map(OpenItem::totalOpen).toList());
        BigDecimal overdue = sum(items.stream()
                .filter(OpenItem::overdue)
                .map(OpenItem::totalOpen)
                .toList());
        int highest = items.stream().mapToInt(OpenItem::dunningLevel).max().orElse(0);
        return new CustomerBalance(
                customerId,
                currency,
                asOf,
                items,
                open,
                overdue,
                highest,
                credit.setScale(2),
                open.subtract(credit).setScale(2));
    }

    private static OpenItem item(Invoice invoice, LocalDate asOf) {
        OpenClaim claim = invoice.openClaim();
        return new OpenItem(
                invoice.id,
                invoice.invoiceNumber,
                invoice.issueDate,
                invoice.dueDate,
                claim.principal(),
                claim.fees(),
                claim.interest(),
                claim.total(),
                invoice.isOverdue(asOf),
                invoice.dunningLevel);
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
