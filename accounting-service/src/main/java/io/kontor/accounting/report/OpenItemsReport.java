package io.kontor.accounting.report;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.accounting.payment.OpenClaim;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Open items (Offene-Posten-Liste) across customers as of today: each receivable invoice with what is owed on it
 * (principal, fees, interest), its age bucket, totals per bucket and per customer, and DSO over the last 90 days.
 */
public record OpenItemsReport(
        LocalDate asOf,
        String currency,
        List<Item> items,
        Map<Ageing.Bucket, BigDecimal> buckets,
        List<CustomerTotal> customers,
        BigDecimal totalOpen,
        BigDecimal invoicedLast90Days,
        BigDecimal dsoDays) {

    public static final int DSO_WINDOW_DAYS = 90;

    public record Item(
            String invoiceNumber,
            UUID invoiceId,
            UUID customerId,
            String customerNumber,
            String customerName,
            LocalDate issueDate,
            LocalDate dueDate,
            long daysPastDue,
            Ageing.Bucket bucket,
            int dunningLevel,
            boolean disputed,
            BigDecimal principal,
            BigDecimal fees,
            BigDecimal interest,
            BigDecimal total) {}

    public record CustomerTotal(
            UUID customerId,
            String customerNumber,
            String customerName,
            Map<Ageing.Bucket, BigDecimal> buckets,
            BigDecimal total) {}

    static final List<String> CSV_COLUMNS = List.of(
            "invoiceNumber",
            "customerNumber",
            "customerName",
            "issueDate",
            "dueDate",
            "daysPastDue",
            "bucket",
            "dunningLevel",
            "disputed",
            "principal",
            "fees",
            "interest",
            "total");

    /** Builds the report from the receivable invoices (in one currency) and the gross invoiced in the DSO window. */
    public static OpenItemsReport of(
            LocalDate asOf, String currency, List<Invoice> receivable, BigDecimal invoicedInWindow) {
        List<Item> items = new ArrayList<>();
        Map<Ageing.Bucket, BigDecimal> buckets = emptyBuckets();
        Map<UUID, CustomerTotal> customers = new LinkedHashMap<>();
        BigDecimal total = zero();
        for (Invoice invoice : receivable) {
            if (!invoice.status.isReceivable() || !currency.equals(invoice.currency)) {
                continue;
            }
            OpenClaim open = invoice.openClaim();
            Ageing.Bucket bucket = Ageing.bucketOf(invoice.dueDate, asOf);
            items.add(new Item(
                    invoice.invoiceNumber,
                    invoice.id,
                    invoice.customerId,
                    invoice.buyer.customerNumber,
                    invoice.buyer.name,
                    invoice.issueDate,
                    invoice.dueDate,
                    Ageing.daysPastDue(invoice.dueDate, asOf),
                    bucket,
                    invoice.dunningLevel,
                    invoice.disputed,
                    open.principal(),
                    open.fees(),
                    open.interest(),
                    open.total()));
            buckets.merge(bucket, open.total(), BigDecimal::add);
            CustomerTotal customer = customers.computeIfAbsent(
                    invoice.customerId,
                    id -> new CustomerTotal(
                            id, invoice.buyer.customerNumber, invoice.buyer.name, emptyBuckets(), zero()));
            customer.buckets().merge(bucket, open.total(), BigDecimal::add);
            customers.put(
                    invoice.customerId,
                    new CustomerTotal(
                            customer.customerId(),
                            customer.customerNumber(),
                            customer.customerName(),
                            customer.buckets(),
                            customer.total().add(open.total())));
            total = total.add(open.total());
        }
        items.sort(java.util.Comparator.comparing(Item::customerName, java.util.Comparator.nullsLast(String::compareTo))
                .thenComparing(Item::dueDate)
                .thenComparing(Item::invoiceNumber));
        return new OpenItemsReport(
                asOf,
                currency,
                List.copyOf(items),
                buckets,
                List.copyOf(customers.values()),
                total,
                invoicedInWindow,
                Ageing.dso(total, invoicedInWindow, DSO_WINDOW_DAYS));
    }

    List<List<Object>> csvRows() {
        return items.stream()
                .map(item -> List.<Object>of(
                        item.invoiceNumber(),
                        item.customerNumber() == null ? "" : item.customerNumber(),
                        item.customerName(),
                        item.issueDate(),
                        item.dueDate(),
                        item.daysPastDue(),
                        item.bucket().label,
                        item.dunningLevel(),
                        item.disputed(),
                        item.principal(),
                        item.fees(),
                        item.interest(),
                        item.total()))
                .toList();
    }

    private static Map<Ageing.Bucket, BigDecimal> emptyBuckets() {
        Map<Ageing.Bucket, BigDecimal> buckets = new EnumMap<>(Ageing.Bucket.class);
        for (Ageing.Bucket bucket : Ageing.Bucket.values()) {
            buckets.put(bucket, zero());
        }
        return buckets;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    static List<InvoiceStatus> receivableStatuses() {
        return List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID);
    }
}
