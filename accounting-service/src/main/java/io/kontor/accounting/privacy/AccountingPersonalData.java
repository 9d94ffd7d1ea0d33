package io.kontor.accounting.privacy;

import io.kontor.accounting.credit.PartialCredit;
import io.kontor.accounting.customer.Customer;
import io.kontor.accounting.dunning.DunningNotice;
import io.kontor.accounting.invoice.Invoice;
import io.kontor.accounting.payment.Payment;
import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.platform.events.privacy.ErasureAction;
import io.kontor.platform.events.privacy.PersonalRecords;
import io.kontor.platform.privacy.PersonalDataHolder;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What accounting holds about a person (GDPR Art. 15, 17): the customer replica, the invoices issued to them (found by
 * the replica, or by the buyer's number or e-mail the invoice was issued with), the partial credit notes on them (their
 * reasons may concern the person), payments and dunning notices.
 *
 * <p>Erasure: none of it is erased. Invoices, the records of payments and dunning notices are books, vouchers and
 * commercial letters that must be kept: invoices ten years (§14b (1) UStG, §147 (1) no. 1, 4, (3) AO, §257 (1), (4)
 * HGB; Kontor keeps every booking record ten years, docs/DECISIONS.md), counted from the end of the calendar year of
 * the invoice (§147 (4) AO). So processing is restricted (Art. 17 (3) (b), Art. 18 GDPR, §35 (3) BDSG) until the last
 * invoice's retention ends, and the answer says so with that day.
 */
@ApplicationScoped
public class AccountingPersonalData implements PersonalDataHolder {

    /** §147 (3) AO, §14b (1) UStG: ten years from the end of the calendar year (§147 (4) AO). */
    static final int RETENTION_YEARS = 10;

    static final String RETENTION_RULE = "Rechnungen und Buchungsbelege sind 10 Jahre aufzubewahren (§147 (1) Nr. 1, 4,"
            + " (3), (4) AO, §14b (1) UStG, §257 (1), (4) HGB): Verarbeitung eingeschränkt (Art. 17 (3) (b), Art. 18"
            + " DSGVO), nicht gelöscht";

    @Inject
    BusinessCalendar calendar;

    /** The last day an invoice of {@code issueDate} must be kept. */
    public static LocalDate keptUntil(LocalDate issueDate) {
        return LocalDate.of(issueDate.getYear() + RETENTION_YEARS, 12, 31);
    }

    @Override
    public List<PersonalRecords> export(DataSubject subject) {
        Found found = find(subject);
        if (found.isEmpty()) {
            return List.of();
        }
        List<PersonalRecords> held = new ArrayList<>();
        String retention = "10 Jahre ab Ende des Kalenderjahres der Rechnung (§147 (3), (4) AO, §14b (1) UStG)";
        if (!found.customers.isEmpty()) {
            held.add(new PersonalRecords(
                    "customer",
                    "Rechnungsempfänger (Kopie des Kundenstamms aus dem Vertrieb)",
                    "Art. 6 (1) (b), (c) DSGVO mit §14 UStG",
                    retention,
                    found.customers.stream()
                            .map(AccountingPersonalData::customerRecord)
                            .toList()));
        }
        if (!found.invoices.isEmpty()) {
            held.add(new PersonalRecords(
                    "invoices",
                    "Rechnungsstellung und Buchführung",
                    "Art. 6 (1) (c) DSGVO mit §147 AO, §14b UStG, §257 HGB",
                    retention,
                    found.invoices.stream()
                            .map(AccountingPersonalData::invoiceRecord)
                            .toList()));
        }
        List<PartialCredit> credits = found.credits();
        if (!credits.isEmpty()) {
            held.add(new PersonalRecords(
                    "credit-notes",
                    "Rechnungskorrekturen (Gutschriften, §17 (1) UStG)",
                    "Art. 6 (1) (c) DSGVO mit §147 AO, §14b UStG, §257 HGB",
                    retention,
                    credits.stream().map(AccountingPersonalData::creditRecord).toList()));
        }
        List<Payment> payments = found.payments();
        if (!payments.isEmpty()) {
            held.add(new PersonalRecords(
                    "payments",
                    "Zahlungseingänge und ihre Zuordnung",
                    "Art. 6 (1) (c) DSGVO mit §147 AO, §257 HGB",
                    retention,
                    payments.stream().map(AccountingPersonalData::paymentRecord).toList()));
        }
        List<DunningNotice> notices = found.notices();
        if (!notices.isEmpty()) {
            held.add(new PersonalRecords(
                    "dunning-notices",
                    "Mahnungen (§286 BGB)",
                    "Art. 6 (1) (b), (f) DSGVO",
                    retention,
                    notices.stream().map(AccountingPersonalData::noticeRecord).toList()));
        }
        return held;
    }

    @Override
    public List<ErasureAction> erase(DataSubject subject) {
        Found found = find(subject);
        if (found.isEmpty()) {
            return List.of();
        }
        Instant now = calendar.now();
        LocalDate keptUntil = found.invoices.stream()
                .map(invoice -> keptUntil(invoice.issueDate == null ? calendar.today() : invoice.issueDate))
                .max(LocalDate::compareTo)
                .orElse(keptUntil(calendar.today()));
        for (Invoice invoice : found.invoices) {
            if (invoice.processingRestrictedAt == null) {
                invoice.processingRestrictedAt = now;
            }
            invoice.restrictedUntil = keptUntil(invoice.issueDate == null ? calendar.today() : invoice.issueDate);
        }
        for (Customer customer : found.customers) {
            if (customer.processingRestrictedAt == null) {
                customer.processingRestrictedAt = now;
            }
            customer.restrictedUntil = keptUntil;
        }
        List<ErasureAction> actions = new ArrayList<>();
        if (!found.customers.isEmpty()) {
            actions.add(new ErasureAction(
                    "customer", ErasureAction.Outcome.RESTRICTED, found.customers.size(), RETENTION_RULE, keptUntil));
        }
        if (!found.invoices.isEmpty()) {
            actions.add(new ErasureAction(
                    "invoices", ErasureAction.Outcome.RESTRICTED, found.invoices.size(), RETENTION_RULE, keptUntil));
        }
        // Kept with the invoices they correct (§14b (1) UStG): restricted with them, nothing of them erased.
        int credits = found.credits().size();
        if (credits > 0) {
            actions.add(new ErasureAction(
                    "credit-notes", ErasureAction.Outcome.RESTRICTED, credits, RETENTION_RULE, keptUntil));
        }
        int payments = found.payments().size();
        if (payments > 0) {
            actions.add(new ErasureAction(
                    "payments", ErasureAction.Outcome.RESTRICTED, payments, RETENTION_RULE, keptUntil));
        }
        int notices = found.notices().size();
        if (notices > 0) {
            actions.add(new ErasureAction(
                    "dunning-notices", ErasureAction.Outcome.RESTRICTED, notices, RETENTION_RULE, keptUntil));
        }
        return actions;
    }

    private record Found(List<Customer> customers, List<Invoice> invoices, Set<UUID> customerIds) {
        boolean isEmpty() {
            return customers.isEmpty() && invoices.isEmpty();
        }

        List<Payment> payments() {
            Set<UUID> invoiceIds = new LinkedHashSet<>();
            invoices.forEach(i -> invoiceIds.add(i.id));
            if (invoiceIds.isEmpty() && customerIds.isEmpty()) {
                return List.of();
            }
            return Payment.list(
                    "(invoiceId in ?1 or customerId in ?2) order by bookedAt",
                    invoiceIds.isEmpty() ? Set.of(new UUID(0, 0)) : invoiceIds,
                    customerIds.isEmpty() ? Set.of(new UUID(0, 0)) : customerIds);
        }

        List<PartialCredit> credits() {
            if (invoices.isEmpty()) {
                return List.of();
            }
            Set<UUID> invoiceIds = new LinkedHashSet<>();
            invoices.forEach(i -> invoiceIds.add(i.id));
            return PartialCredit.list("invoiceId in ?1 order by issuedOn, number", invoiceIds);
        }

        List<DunningNotice> notices() {
            Set<UUID> invoiceIds = new LinkedHashSet<>();
            invoices.forEach(i -> invoiceIds.add(i.id));
            if (invoiceIds.isEmpty()) {
                return List.of();
            }
            return DunningNotice.list("invoiceId in ?1 order by issuedOn, level", invoiceIds);
        }
    }

    /** The replica by customer number or e-mail; the invoices by the replica or as issued to the buyer. */
    private static Found find(DataSubject subject) {
        Map<UUID, Customer> customers = new LinkedHashMap<>();
        String number =
                subject.customerNumber() == null || subject.customerNumber().isBlank()
                        ? null
                        : subject.customerNumber().strip();
        String email = subject.normalisedEmail();
        if (number != null) {
            Customer.<Customer>list("customerNumber", number).forEach(c -> customers.put(c.id, c));
        }
        if (email != null) {
            Customer.<Customer>list("lower(email) = ?1 or lower(invoiceEmail) = ?1", email)
                    .forEach(c -> customers.put(c.id, c));
        }
        Map<UUID, Invoice> invoices = new LinkedHashMap<>();
        if (!customers.isEmpty()) {
            Invoice.<Invoice>list("customerId in ?1 order by issueDate, invoiceNumber", customers.keySet())
                    .forEach(i -> invoices.put(i.id, i));
        }
        if (number != null) {
            Invoice.<Invoice>list("buyer.customerNumber = ?1 order by issueDate, invoiceNumber", number)
                    .forEach(i -> invoices.putIfAbsent(i.id, i));
        }
        if (email != null) {
            Invoice.<Invoice>list("lower(buyer.email) = ?1 order by issueDate, invoiceNumber", email)
                    .forEach(i -> invoices.putIfAbsent(i.id, i));
        }
        return new Found(
                List.copyOf(customers.values()),
                List.copyOf(invoices.values()),
                new LinkedHashSet<>(customers.keySet()));
    }

    private static Map<String, Object> customerRecord(Customer c) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("customerNumber", c.customerNumber);
        record.put("name", c.name);
        record.put("email", c.email);
        record.put("invoiceEmail", c.invoiceEmail);
        record.put("vatId", c.vatId);
        record.put("address", c.street + ", " + c.postalCode + " " + c.city + ", " + c.country);
        record.put("processingRestrictedAt", text(c.processingRestrictedAt));
        record.put("restrictedUntil", text(c.restrictedUntil));
        return record;
    }

    private static Map<String, Object> invoiceRecord(Invoice i) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("invoiceNumber", i.invoiceNumber);
        record.put("status", i.status.name());
        record.put("issueDate", text(i.issueDate));
        record.put("dueDate", text(i.dueDate));
        record.put("buyerName", i.buyer == null ? null : i.buyer.name);
        record.put("buyerEmail", i.buyer == null ? null : i.buyer.email);
        record.put(
                "buyerAddress",
                i.buyer == null
                        ? null
                        : i.buyer.street + ", " + i.buyer.postalCode + " " + i.buyer.city + ", " + i.buyer.country);
        record.put("grossTotal", money(i.grossTotal));
        record.put("openTotal", money(i.openTotal));
        record.put("currency", i.currency);
        record.put("dunningLevel", i.dunningLevel);
        record.put("creditNoteNumber", i.creditNoteNumber);
        record.put("processingRestrictedAt", text(i.processingRestrictedAt));
        record.put("restrictedUntil", text(i.restrictedUntil));
        return record;
    }

    private static Map<String, Object> creditRecord(PartialCredit c) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("creditNoteNumber", c.number);
        record.put("issuedOn", text(c.issuedOn));
        record.put(
                "invoiceNumber",
                Invoice.<Invoice>findByIdOptional(c.invoiceId)
                        .map(i -> i.invoiceNumber)
                        .orElse(null));
        record.put("reason", c.reason);
        record.put("grossAmount", money(c.grossAmount));
        record.put("currency", c.currency);
        return record;
    }

    private static Map<String, Object> paymentRecord(Payment p) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("invoiceNumber", p.invoiceNumber);
        record.put("amount", money(p.amount));
        record.put("currency", p.currency);
        record.put("valueDate", text(p.valueDate));
        record.put("payerName", p.payerName);
        record.put("reference", p.reference);
        return record;
    }

    private static Map<String, Object> noticeRecord(DunningNotice n) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("invoiceNumber", n.invoiceNumber);
        record.put("level", n.level);
        record.put("issuedOn", text(n.issuedOn));
        record.put("fee", money(n.fee));
        record.put("interest", money(n.interest));
        record.put("totalOwed", money(n.totalOwed));
        record.put("payBy", text(n.payBy));
        return record;
    }

    /** Money as text: the export keeps the scale (80.00, not 80.0) whatever a reader's JSON library does. */
    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
