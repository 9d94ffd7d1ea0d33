package io.kontor.sales.customer;

import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.platform.events.privacy.ErasureAction;
import io.kontor.platform.events.privacy.PersonalRecords;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.privacy.PersonalDataHolder;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.sales.followup.FollowUp;
import io.kontor.sales.offer.Offer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * What sales holds about a person (GDPR Art. 15, 17): the customer record, found by customer number or by its contact
 * or invoice e-mail, and the customer's offers and follow-ups.
 *
 * <p>Erasure: sent offers are commercial letters sales must keep for six years from the end of the year they were sent
 * (§257 (1) no. 2-3, (4), (5) HGB, §147 (1) no. 2-3, (3), (4) AO); a customer with one is restricted (Art. 17 (3) (b),
 * Art. 18 GDPR), not erased. A customer without is anonymised, and the other services' copies follow through
 * kontor.sales.customer-updated.v1 (Art. 19 GDPR); the compacted topic then keeps only the anonymised state.
 */
@ApplicationScoped
public class CustomerPersonalData implements PersonalDataHolder {

    static final String CUSTOMER = "customer";
    static final String OFFERS = "offers";
    static final String FOLLOW_UPS = "follow-ups";

    /** What an anonymised customer is called: the number stays, the person is gone. */
    static final String ERASED_NAME = "gelöscht (Art. 17 DSGVO)";

    static final String COMMERCIAL_LETTERS = "Angebote sind Handelsbriefe: 6 Jahre ab Ende des Kalenderjahres der"
            + " Absendung aufzubewahren (§257 (1) Nr. 2-3, (4), (5) HGB, §147 (1) Nr. 2-3, (3), (4) AO); die"
            + " Verarbeitung ist eingeschränkt (Art. 17 (3) (b), Art. 18 DSGVO), nicht gelöscht";

    @Inject
    BusinessCalendar calendar;

    @Inject
    Outbox outbox;

    @Override
    public List<PersonalRecords> export(DataSubject subject) {
        List<Customer> customers = customers(subject);
        if (customers.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> customerRecords = new ArrayList<>();
        List<Map<String, Object>> offerRecords = new ArrayList<>();
        List<Map<String, Object>> followUpRecords = new ArrayList<>();
        for (Customer customer : customers) {
            customerRecords.add(customerRecord(customer));
            for (Offer offer : Offer.<Offer>list("customerId = ?1 order by createdAt", customer.id)) {
                offerRecords.add(offerRecord(customer, offer));
            }
            for (FollowUp followUp : FollowUp.<FollowUp>list("customerId = ?1 order by createdAt", customer.id)) {
                followUpRecords.add(followUpRecord(customer, followUp));
            }
        }
        List<PersonalRecords> held = new ArrayList<>();
        held.add(new PersonalRecords(
                CUSTOMER,
                "Angebote und Vertragsanbahnung, Kundenstamm für Rechnungen",
                "Art. 6 (1) (b) DSGVO (Vertrag und vorvertragliche Maßnahmen)",
                "solange Angebote aufzubewahren sind (6 Jahre, §257 HGB), danach gelöscht",
                customerRecords));
        if (!offerRecords.isEmpty()) {
            held.add(new PersonalRecords(
                    OFFERS,
                    "Angebote, ihre Annahme und die geltenden AGB (§305 (2) BGB)",
                    "Art. 6 (1) (b), (c) DSGVO mit §257 HGB, §147 AO",
                    "6 Jahre ab Ende des Kalenderjahres der Absendung (§257 (4), (5) HGB)",
                    offerRecords));
        }
        if (!followUpRecords.isEmpty()) {
            held.add(new PersonalRecords(
                    FOLLOW_UPS,
                    "Nachfassen zu Angeboten und Rechnungen",
                    "Art. 6 (1) (f) DSGVO (berechtigtes Interesse an der Kundenbetreuung)",
                    "mit dem Kundenstamm",
                    followUpRecords));
        }
        return held;
    }

    @Override
    public List<ErasureAction> erase(DataSubject subject) {
        List<ErasureAction> actions = new ArrayList<>();
        Instant now = calendar.now();
        for (Customer customer : customers(subject)) {
            if (customer.erasedAt != null) {
                continue;
            }
            Instant lastSent = Offer.<Offer>list("customerId = ?1 and sentAt is not null", customer.id).stream()
                    .map(offer -> offer.sentAt)
                    .max(Instant::compareTo)
                    .orElse(null);
            if (lastSent != null) {
                LocalDate keptUntil = LocalDate.of(
                        LocalDate.ofInstant(lastSent, calendar.zone()).getYear() + 6, 12, 31);
                if (customer.processingRestrictedAt == null) {
                    customer.processingRestrictedAt = now;
                }
                customer.restrictedUntil = keptUntil;
                long offers = Offer.count("customerId", customer.id);
                actions.add(new ErasureAction(
                        CUSTOMER, ErasureAction.Outcome.RESTRICTED, 1, COMMERCIAL_LETTERS, keptUntil));
                actions.add(new ErasureAction(
                        OFFERS, ErasureAction.Outcome.RESTRICTED, (int) offers, COMMERCIAL_LETTERS, keptUntil));
            } else {
                long followUps = FollowUp.delete("customerId", customer.id);
                anonymise(customer, now);
                actions.add(new ErasureAction(
                        CUSTOMER,
                        ErasureAction.Outcome.ERASED,
                        1,
                        "keine Aufbewahrungspflicht (kein Angebot versandt): anonymisiert, die anderen Dienste"
                                + " vergessen die Person mit kontor.sales.customer-updated.v1 (Art. 19 DSGVO)",
                        null));
                if (followUps > 0) {
                    actions.add(new ErasureAction(
                            FOLLOW_UPS, ErasureAction.Outcome.ERASED, (int) followUps, "gelöscht", null));
                }
            }
        }
        return actions;
    }

    private void anonymise(Customer customer, Instant now) {
        String placeholder = "erased-" + customer.id.toString().substring(0, 8) + "@erased.invalid";
        customer.name = ERASED_NAME;
        customer.email = placeholder;
        customer.invoiceEmail = null;
        customer.vatId = null;
        customer.vatIdValid = null;
        customer.vatIdCheckedOn = null;
        customer.vatIdRegisteredName = null;
        customer.vatIdRegisteredAddress = null;
        customer.vatIdRequestIdentifier = null;
        customer.buyerReference = null;
        customer.billingAddress.street = "-";
        customer.billingAddress.postalCode = "-";
        customer.billingAddress.city = "-";
        customer.erasedAt = now;
        customer.updatedAt = now;
        outbox.publish(customer.updated());
    }

    /** By customer number, or by contact or invoice e-mail (case-insensitive); each customer once. */
    static List<Customer> customers(DataSubject subject) {
        Set<UUID> seen = new LinkedHashSet<>();
        List<Customer> found = new ArrayList<>();
        if (subject.customerNumber() != null && !subject.customerNumber().isBlank()) {
            Customer.<Customer>find("customerNumber", subject.customerNumber().strip())
                    .firstResultOptional()
                    .ifPresent(c -> {
                        if (seen.add(c.id)) {
                            found.add(c);
                        }
                    });
        }
        String email = subject.normalisedEmail();
        if (email != null) {
            for (Customer c : Customer.<Customer>list("lower(email) = ?1 or lower(invoiceEmail) = ?1", email)) {
                if (seen.add(c.id)) {
                    found.add(c);
                }
            }
        }
        return found;
    }

    private static Map<String, Object> customerRecord(Customer c) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("customerNumber", c.customerNumber);
        record.put("name", c.name);
        record.put("type", c.type.name());
        record.put("email", c.email);
        record.put("invoiceEmail", c.invoiceEmail);
        record.put("vatId", c.vatId);
        record.put(
                "billingAddress",
                c.billingAddress.street + ", " + c.billingAddress.postalCode + " " + c.billingAddress.city + ", "
                        + c.billingAddress.country);
        record.put("buyerReference", c.buyerReference);
        record.put("paymentTermDays", c.paymentTermDays);
        record.put("creditHold", c.creditHold);
        record.put("registeredAt", String.valueOf(c.createdAt));
        record.put("updatedAt", String.valueOf(c.updatedAt));
        record.put(
                "processingRestrictedAt",
                c.processingRestrictedAt == null ? null : c.processingRestrictedAt.toString());
        record.put("restrictedUntil", c.restrictedUntil == null ? null : c.restrictedUntil.toString());
        return record;
    }

    private static Map<String, Object> offerRecord(Customer c, Offer o) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("customerNumber", c.customerNumber);
        record.put("offerNumber", o.offerNumber);
        record.put("revision", o.revision);
        record.put("status", o.status.name());
        record.put("issueDate", o.issueDate == null ? null : o.issueDate.toString());
        record.put("grossTotal", o.grossTotal == null ? null : o.grossTotal.toPlainString());
        record.put("currency", o.currency);
        record.put("sentAt", o.sentAt == null ? null : o.sentAt.toString());
        record.put("acceptedAt", o.acceptedAt == null ? null : o.acceptedAt.toString());
        record.put("acceptedBy", o.acceptedBy);
        record.put("termsVersion", o.termsVersion == null ? null : o.termsTitle + " v" + o.termsVersion);
        record.put("rejectionReason", o.rejectionReason);
        return record;
    }

    private static Map<String, Object> followUpRecord(Customer c, FollowUp f) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("customerNumber", c.customerNumber);
        record.put("kind", f.kind.name());
        record.put("reason", f.reason);
        record.put("dueOn", f.dueOn == null ? null : f.dueOn.toString());
        record.put("status", f.status.name());
        record.put("note", f.note);
        return record;
    }
}
