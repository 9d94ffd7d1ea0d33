package io.kontor.accounting.datev;

import io.kontor.accounting.AccountingConfig;
import io.kontor.accounting.credit.CreditNoteDocuments;
import io.kontor.accounting.credit.PartialCredit;
import io.kontor.accounting.document.InvoiceDocuments;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.invoice.InvoiceStatus;
import io.kontor.accounting.invoice.InvoiceTotals;
import io.kontor.accounting.payment.CustomerCredit;
import io.kontor.accounting.payment.Payment;
import io.kontor.platform.events.sales.TaxTreatment;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bookings of a period as a DATEV Buchungsstapel, for the tax advisor: invoices issued (debtor to revenue, one line
 * per tax treatment and rate), cancellations by credit note (the same, reversed), money received (bank to debtor; the
 * part that paid dunning fees or default interest to those income accounts: they are booked when received, being
 * uncertain until then), short payments written off, Skonto granted (per rate, {@link GrantedSkonti}), reversals, and
 * refunds of credit. The invoice PDFs as frozen at issue go with it, linked from each invoice's lines.
 */
@ApplicationScoped
public class DatevExport {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    @Inject
    DatevConfig config;

    @Inject
    BusinessCalendar calendar;

    @Inject
    AccountingConfig accounting;

    @Inject
    InvoiceDocuments documents;

    @Inject
    GrantedSkonti skonti;

    @Inject
    CreditNoteDocuments creditNotes;

    @Inject
    PayablesBookings payables;

    /** A checked request: the period and the chart's accounts. */
    public record Period(
            LocalDate from, LocalDate to, String chart, DatevConfig.Chart accounts, LocalDate fiscalYear) {}

    /** Checks a request: a period within one fiscal year (DATEV keeps one batch per fiscal year), a known chart. */
    public Period period(LocalDate from, LocalDate to, String chart) {
        // The chart first: a wrong one is named even when the dates are missing too.
        String name = (chart == null || chart.isBlank() ? config.chart() : chart)
                .strip()
                .toUpperCase(Locale.ROOT);
        if (!name.equals("SKR03") && !name.equals("SKR04")) {
            throw new InvalidFieldProblem("chart", "must be SKR03 or SKR04");
        }
        if (from == null) {
            throw new InvalidFieldProblem("from", "required, a day (yyyy-mm-dd)");
        }
        if (to == null) {
            throw new InvalidFieldProblem("to", "required, a day (yyyy-mm-dd)");
        }
        if (to.isBefore(from)) {
            throw new InvalidFieldProblem("to", "is before from (" + from + ")");
        }
        LocalDate fiscalYear = fiscalYearOf(from);
        LocalDate fiscalYearEnd = fiscalYear.plusYears(1).minusDays(1);
        if (to.isAfter(fiscalYearEnd)) {
            throw new InvalidFieldProblem(
                    "to",
                    "the period " + from + " to " + to + " spans the fiscal year starting " + fiscalYear + " (ends "
                            + fiscalYearEnd + "); DATEV takes one fiscal year per batch: export in two parts");
        }
        DatevConfig.Chart accounts = config.charts().get(name.toLowerCase(Locale.ROOT));
        if (accounts == null) {
            throw new InvalidFieldProblem(
                    "chart",
                    "no account mapping for " + name + " (kontor.accounting.datev.charts."
                            + name.toLowerCase(Locale.ROOT) + ".*)");
        }
        return new Period(from, to, name, accounts, fiscalYear);
    }

    LocalDate fiscalYearOf(LocalDate day) {
        MonthDay start = MonthDay.parse("--" + config.fiscalYearStart());
        LocalDate thisYear = start.atYear(day.getYear());
        return day.isBefore(thisYear) ? thisYear.minusYears(1) : thisYear;
    }

    @Transactional
    public Buchungsstapel buchungsstapel(Period period) {
        List<Booking> bookings = new ArrayList<>();
        for (Invoice invoice : Invoice.<Invoice>list(
                "issueDate between ?1 and ?2 and status <> ?3 order by invoiceNumber",
                period.from(),
                period.to(),
                InvoiceStatus.DRAFT)) {
            bookings.addAll(revenue(invoice, period, false));
        }
        for (Invoice invoice : Invoice.<Invoice>list(
                "cancelledOn between ?1 and ?2 order by creditNoteNumber", period.from(), period.to())) {
            bookings.addAll(revenue(invoice, period, true));
        }
        for (PartialCredit credit : PartialCredit.<PartialCredit>list(
                "issuedOn between ?1 and ?2 order by number", period.from(), period.to())) {
            // Like a cancellation, for what it credits (§17 (1) UStG corrects revenue and VAT in its own period).
            bookings.addAll(revenue(credit.asDocument(Invoice.findById(credit.invoiceId)), period, true));
        }
        for (Payment payment : Payment.<Payment>list(
                "valueDate between ?1 and ?2 order by bookedAt, id", period.from(), period.to())) {
            bookings.addAll(money(payment, period));
        }
        ZoneId zone = calendar.zone();
        for (CustomerCredit credit : CustomerCredit.<CustomerCredit>list("order by createdAt, id")) {
            LocalDate day = credit.createdAt.atZone(zone).toLocalDate();
            if (day.isBefore(period.from()) || day.isAfter(period.to())) {
                continue;
            }
            if (credit.kind == CustomerCredit.Kind.REFUND) {
                // The credit paid back: debtor to bank.
                bookings.add(new Booking(
                        credit.amount.abs(),
                        period.accounts().receivables(),
                        period.accounts().bank(),
                        null,
                        day,
                        "GUTHABEN",
                        null,
                        "Erstattung Guthaben " + credit.reason,
                        null,
                        null,
                        null,
                        false));
            } else if (credit.kind == CustomerCredit.Kind.OVERPAYMENT && credit.paymentId == null) {
                // The surplus of a collective payment that no invoice took: bank to debtor, it stays the customer's.
                bookings.add(new Booking(
                        credit.amount,
                        period.accounts().bank(),
                        period.accounts().receivables(),
                        null,
                        day,
                        "GUTHABEN",
                        null,
                        "Überzahlung " + credit.reason,
                        null,
                        null,
                        null,
                        false));
            }
        }
        bookings.addAll(payables.bookings(period));
        return new Buchungsstapel(
                config.consultantNumber(),
                config.clientNumber(),
                period.fiscalYear(),
                config.accountLength(),
                period.from(),
                period.to(),
                "Kontor " + DatevFormat.headerDate(period.from()) + "-" + DatevFormat.headerDate(period.to()),
                config.initials(),
                config.lockBatch(),
                period.chart(),
                LocalDateTime.ofInstant(calendar.now(), zone),
                List.copyOf(bookings));
    }

    /** The Buchungsstapel with the frozen PDFs of the period's invoices, {@code Belege/<invoice id>.pdf}. */
    @Transactional
    public byte[] zip(Period period) {
        Buchungsstapel batch = buchungsstapel(period);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(batch.fileName()));
            zip.write(batch.bytes());
            zip.closeEntry();
            for (Invoice invoice : Invoice.<Invoice>list(
                    "issueDate between ?1 and ?2 and status <> ?3 order by invoiceNumber",
                    period.from(),
                    period.to(),
                    InvoiceStatus.DRAFT)) {
                InvoiceDocuments.Stored pdf = documents.stored(invoice, InvoiceDocuments.Kind.PDF);
                zip.putNextEntry(new ZipEntry(documentPath(invoice)));
                zip.write(pdf.content());
                zip.closeEntry();
            }
            for (PartialCredit credit : PartialCredit.<PartialCredit>list(
                    "issuedOn between ?1 and ?2 order by number", period.from(), period.to())) {
                InvoiceDocuments.Stored pdf = creditNotes.stored(credit, CreditNoteDocuments.Kind.PDF);
                zip.putNextEntry(new ZipEntry(documentPath(credit.asDocument(null))));
                zip.write(pdf.content());
                zip.closeEntry();
            }
            payables.documents(period, zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String documentPath(Invoice invoice) {
        return "Belege/" + invoice.id.toString().toUpperCase(Locale.ROOT) + ".pdf";
    }

    /**
     * DATEV's document link to a document in DATEV's document management: {@code BEDI "<GUID>"}. The GUID is the
     * invoice's id, which is also the name of its PDF in the export, so the two can be brought together on import.
     */
    static String documentLink(Invoice invoice) {
        return "BEDI \"" + invoice.id.toString().toUpperCase(Locale.ROOT) + "\"";
    }

    /** One line per tax treatment and rate of the invoice: debtor to the revenue account of that treatment. */
    private List<Booking> revenue(Invoice invoice, Period period, boolean cancellation) {
        Map<String, BigDecimal> grossByAccount = new LinkedHashMap<>();
        Map<String, String> euVatIdByAccount = new LinkedHashMap<>();
        for (InvoiceTotals.VatSubtotal subtotal : invoice.billedBreakdown()) {
            String key = revenueKey(subtotal.treatment(), subtotal.rate());
            String account = period.accounts().revenue().get(key);
            if (account == null) {
                throw new InvalidFieldProblem(
                        "chart",
                        "no revenue account for " + key + " in " + period.chart() + " (invoice " + invoice.invoiceNumber
                                + "): set kontor.accounting.datev.charts."
                                + period.chart().toLowerCase(Locale.ROOT)
                                + ".revenue." + key);
            }
            grossByAccount.merge(account, subtotal.taxableAmount().add(subtotal.vatAmount()), BigDecimal::add);
            if (subtotal.treatment() == TaxTreatment.INTRA_EU_SUPPLY
                    || subtotal.treatment() == TaxTreatment.EU_B2B_SERVICE) {
                // Needed for the summary declaration (ZM, §18a UStG).
                euVatIdByAccount.put(account, invoice.buyer.vatId);
            }
        }
        List<Booking> bookings = new ArrayList<>();
        grossByAccount.forEach((account, gross) -> {
            if (gross.signum() == 0) {
                return;
            }
            bookings.add(new Booking(
                    gross,
                    period.accounts().receivables(),
                    account,
                    null,
                    cancellation ? invoice.cancelledOn : invoice.issueDate,
                    cancellation ? invoice.creditNoteNumber : invoice.invoiceNumber,
                    // Belegfeld 2 holds 12 characters: the due date (TTMMJJ) for DATEV's open items, nothing on a
                    // cancellation, whose text names the invoice it cancels instead.
                    cancellation ? null : DatevFormat.dayMonth(invoice.dueDate) + yy(invoice.dueDate),
                    (cancellation ? "Storno " + invoice.invoiceNumber + " " : "") + invoice.buyer.name,
                    documentLink(invoice),
                    euVatIdByAccount.get(account),
                    invoice.serviceFrom,
                    cancellation));
        });
        return bookings;
    }

    /** Money: bank to debtor for principal and surplus, bank to fees and interest for what paid those. */
    private List<Booking> money(Payment payment, Period period) {
        Payment booked = payment;
        boolean reversal = payment.source == Payment.Source.REVERSAL;
        if (reversal) {
            booked = Payment.findById(payment.reverses);
        }
        DatevConfig.Chart accounts = period.accounts();
        String debit;
        boolean toDebtor;
        switch (booked.source) {
            case MANUAL, BANK_STATEMENT -> {
                debit = accounts.bank();
                toDebtor = true;
            }
            case CREDIT_SET_OFF -> {
                // The customer's credit sits on the debtor account already: only fees and interest move to income.
                debit = accounts.receivables();
                toDebtor = false;
            }
            case WRITE_OFF -> {
                debit = accounts.writeOff();
                toDebtor = true;
            }
            case SKONTO -> {
                return skonti.bookings(payment, booked, period, reversal);
            }
            default -> {
                return List.of();
            }
        }
        String text = (reversal ? "Storno " : "")
                + switch (booked.source) {
                    case WRITE_OFF -> "Ausbuchung " + booked.invoiceNumber;
                    case CREDIT_SET_OFF -> "Verrechnung Guthaben " + booked.invoiceNumber;
                    default -> "Zahlung " + (booked.payerName == null ? booked.invoiceNumber : booked.payerName);
                };
        List<Booking> bookings = new ArrayList<>();
        BigDecimal toDebtorAmount = booked.toPrincipal.add(booked.toCredit);
        if (toDebtor && toDebtorAmount.signum() != 0) {
            bookings.add(line(toDebtorAmount, debit, accounts.receivables(), payment, booked, text, reversal));
        }
        if (booked.source != Payment.Source.WRITE_OFF) {
            // Fees and interest written off were never income: nothing to book.
            if (booked.toFees.signum() != 0) {
                bookings.add(line(booked.toFees, debit, accounts.fees(), payment, booked, text, reversal));
            }
            if (booked.toInterest.signum() != 0) {
                bookings.add(line(booked.toInterest, debit, accounts.interest(), payment, booked, text, reversal));
            }
        }
        return bookings;
    }

    private static Booking line(
            BigDecimal amount,
            String account,
            String contraAccount,
            Payment payment,
            Payment booked,
            String text,
            boolean reversal) {
        return new Booking(
                amount,
                account,
                contraAccount,
                null,
                payment.valueDate,
                booked.invoiceNumber,
                null,
                text,
                null,
                null,
                null,
                reversal);
    }

    /** The mapping key of a treatment: {@code domestic-19}, {@code domestic-7}, {@code intra-eu-supply}, ... */
    static String revenueKey(TaxTreatment treatment, BigDecimal rate) {
        if (treatment == null || treatment == TaxTreatment.DOMESTIC) {
            return "domestic-" + rate.stripTrailingZeros().toPlainString();
        }
        return treatment.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String yy(LocalDate date) {
        return date == null ? "" : String.format("%02d", date.getYear() % 100);
    }
}
