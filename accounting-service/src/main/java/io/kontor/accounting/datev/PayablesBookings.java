package io.kontor.accounting.datev;

import io.kontor.accounting.payables.PayablesConfig;
import io.kontor.accounting.payables.SupplierInvoice;
import io.kontor.accounting.payables.SupplierInvoiceOriginal;
import io.kontor.accounting.payables.SupplierInvoiceStatus;
import io.kontor.accounting.payables.intake.ExtractedInvoice;
import io.kontor.platform.problem.InvalidFieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Accounts payable's part of the Buchungsstapel: each supplier invoice of the period (by its date) as expense to the
 * creditor, one line per expense account and input-VAT key (the key makes DATEV split off the input VAT of that rate,
 * §15 (1) Nr. 1 UStG); each payment made (the camt.053 debit that settled it) as creditor to bank, and a cash discount
 * taken as creditor to the received-discounts account of each rate, split by the rates' share of the gross (the input
 * VAT is reduced with it, §17 (1) UStG). The originals go into the export as received, named by the invoice's id as the
 * lines' Beleglink says. Accounts per chart: {@code kontor.accounting.payables.datev.charts.*}.
 */
@ApplicationScoped
public class PayablesBookings {

    /** Invoices that carry data and were not rejected: booked from receipt on, whether approved or not. */
    static final List<SupplierInvoiceStatus> BOOKED = List.of(
            SupplierInvoiceStatus.RECEIVED,
            SupplierInvoiceStatus.PAYABLE,
            SupplierInvoiceStatus.IN_PAYMENT,
            SupplierInvoiceStatus.PAID);

    @Inject
    PayablesConfig config;

    List<Booking> bookings(DatevExport.Period period) {
        PayablesConfig.Chart accounts = accounts(period);
        List<Booking> bookings = new ArrayList<>();
        for (SupplierInvoice invoice : invoices(period)) {
            bookings.addAll(expense(invoice, period, accounts));
        }
        for (SupplierInvoice invoice : SupplierInvoice.<SupplierInvoice>list(
                "status = ?1 and paidOn between ?2 and ?3 order by paidOn, invoiceNumber, id",
                SupplierInvoiceStatus.PAID,
                period.from(),
                period.to())) {
            bookings.addAll(payment(invoice, period, accounts));
        }
        return bookings;
    }

    /** The originals of the period's invoices, byte for byte, as {@code Belege/<invoice id>.pdf|.xml}. */
    void documents(DatevExport.Period period, ZipOutputStream zip) throws IOException {
        for (SupplierInvoice invoice : invoices(period)) {
            SupplierInvoiceOriginal original = SupplierInvoiceOriginal.findById(invoice.id);
            if (original == null) {
                continue;
            }
            zip.putNextEntry(new ZipEntry(documentPath(invoice, original)));
            zip.write(original.content);
            zip.closeEntry();
        }
    }

    static String documentPath(SupplierInvoice invoice, SupplierInvoiceOriginal original) {
        String extension = original.contentType != null && original.contentType.contains("pdf") ? ".pdf" : ".xml";
        return "Belege/" + invoice.id.toString().toUpperCase(Locale.ROOT) + extension;
    }

    private static List<SupplierInvoice> invoices(DatevExport.Period period) {
        return SupplierInvoice.list(
                "status in ?1 and issueDate between ?2 and ?3 order by issueDate, sellerName, invoiceNumber, id",
                BOOKED,
                period.from(),
                period.to());
    }

    private PayablesConfig.Chart accounts(DatevExport.Period period) {
        String name = period.chart().toLowerCase(Locale.ROOT);
        PayablesConfig.Chart chart = config.datev().charts().get(name);
        if (chart == null) {
            throw new InvalidFieldProblem(
                    "chart",
                    "no accounts payable mapping for " + period.chart() + " (kontor.accounting.payables.datev.charts."
                            + name + ".*)");
        }
        return chart;
    }

    /** Expense to creditor, gross per expense account and input-VAT key. */
    private static List<Booking> expense(
            SupplierInvoice invoice, DatevExport.Period period, PayablesConfig.Chart accounts) {
        Map<List<String>, BigDecimal> gross = new LinkedHashMap<>();
        for (ExtractedInvoice.VatGroup group : invoice.vatBreakdown) {
            String key = key(group);
            String account = accounts.expense().get(key);
            if (account == null) {
                throw missing(period, "expense", key, invoice);
            }
            String taxKey = accounts.taxKey().get(key);
            gross.merge(accountAndKey(account, taxKey), amount(group), BigDecimal::add);
        }
        List<Booking> bookings = new ArrayList<>();
        gross.forEach((accountAndKey, amount) -> {
            if (amount.signum() == 0) {
                return;
            }
            bookings.add(new Booking(
                    amount,
                    accountAndKey.get(0),
                    accounts.creditors(),
                    accountAndKey.get(1),
                    invoice.issueDate,
                    invoice.invoiceNumber,
                    // The due date (TTMMJJ) for DATEV's open items, as on the receivables' lines.
                    invoice.dueDate == null
                            ? null
                            : DatevFormat.dayMonth(invoice.dueDate)
                                    + String.format("%02d", invoice.dueDate.getYear() % 100),
                    invoice.sellerName,
                    documentLink(invoice),
                    null,
                    null,
                    false));
        });
        return bookings;
    }

    /** Creditor to bank for what left the account, creditor to received discounts for the Skonto taken. */
    private static List<Booking> payment(
            SupplierInvoice invoice, DatevExport.Period period, PayablesConfig.Chart accounts) {
        List<Booking> bookings = new ArrayList<>();
        bookings.add(new Booking(
                invoice.paidAmount,
                accounts.creditors(),
                period.accounts().bank(),
                null,
                invoice.paidOn,
                invoice.invoiceNumber,
                null,
                "Zahlung " + invoice.sellerName,
                null,
                null,
                null,
                false));
        BigDecimal skonto = invoice.skontoTaken;
        if (skonto == null || skonto.signum() == 0) {
            return bookings;
        }
        Map<String, BigDecimal> grossByKey = new LinkedHashMap<>();
        for (ExtractedInvoice.VatGroup group : invoice.vatBreakdown) {
            grossByKey.merge(key(group), amount(group), BigDecimal::add);
        }
        BigDecimal total = grossByKey.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal left = skonto;
        List<String> keys = new ArrayList<>(grossByKey.keySet());
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            // The last rate takes what rounding left, so the parts add up to the discount to the cent.
            BigDecimal part = i == keys.size() - 1 || total.signum() == 0
                    ? left
                    : skonto.multiply(grossByKey.get(key)).divide(total, 2, RoundingMode.HALF_UP);
            left = left.subtract(part);
            if (part.signum() == 0) {
                continue;
            }
            String account = accounts.skonto().get(key);
            if (account == null) {
                throw missing(period, "skonto", key, invoice);
            }
            bookings.add(new Booking(
                    part,
                    accounts.creditors(),
                    account,
                    null,
                    invoice.paidOn,
                    invoice.invoiceNumber,
                    null,
                    "Skonto " + invoice.sellerName,
                    null,
                    null,
                    null,
                    false));
        }
        return bookings;
    }

    /**
     * The mapping key of a VAT group: the rate for the standard category (S: "19", "7"), else the category (EN 16931
     * UNTDID 5305) in lower case: "z" zero rated, "e" exempt, "ae" reverse charge (§13b UStG), "k" intra-EU
     * acquisition, "g" export, "o" not subject to VAT.
     */
    static String key(ExtractedInvoice.VatGroup group) {
        if (group.category() == null || "S".equalsIgnoreCase(group.category())) {
            return group.rate() == null
                    ? "0"
                    : group.rate().stripTrailingZeros().toPlainString();
        }
        return group.category().toLowerCase(Locale.ROOT);
    }

    private static BigDecimal amount(ExtractedInvoice.VatGroup group) {
        return nz(group.basis()).add(nz(group.amount()));
    }

    private static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static List<String> accountAndKey(String account, String taxKey) {
        return java.util.Arrays.asList(account, taxKey);
    }

    /** As for issued invoices: {@code BEDI "<GUID>"}, the GUID being the invoice's id and its original's name. */
    static String documentLink(SupplierInvoice invoice) {
        return "BEDI \"" + invoice.id.toString().toUpperCase(Locale.ROOT) + "\"";
    }

    private static InvalidFieldProblem missing(
            DatevExport.Period period, String kind, String key, SupplierInvoice invoice) {
        return new InvalidFieldProblem(
                "chart",
                "no " + kind + " account for " + key + " in " + period.chart() + " (supplier invoice "
                        + invoice.invoiceNumber + " of " + invoice.sellerName
                        + "): set kontor.accounting.payables.datev.charts."
                        + period.chart().toLowerCase(Locale.ROOT) + "." + kind + "." + key);
    }
}
