package io.kontor.accounting.bank;

import io.kontor.accounting.payment.InvoiceNumberInText;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides which invoice a credit entry pays. First by an invoice number in the payer's end-to-end reference, then in
 * the remittance text (the payer told us; several numbers of one customer designate a collective payment, §366 (1)
 * BGB); failing that, by the exact open amount together with the payer's name (one candidate only: two invoices of the
 * same amount and customer are a question for a person, not a guess). Anything else goes to the clearing list.
 */
public final class PaymentMatcher {

    /** How a match was found. */
    public enum MatchedBy {
        INVOICE_NUMBER,
        /** The payer's end-to-end reference names the invoice. */
        END_TO_END_ID,
        /** The remittance names several invoices of one customer: split over them (§366 (1) BGB). */
        INVOICE_NUMBERS,
        AMOUNT_AND_PAYER,
        BY_HAND
    }

    /** An invoice a payment could be for, as the matcher needs it. */
    public record Candidate(
            UUID invoiceId,
            String invoiceNumber,
            String buyerName,
            boolean payable,
            BigDecimal totalOpen,
            String currency,
            UUID customerId) {

        public Candidate(
                UUID invoiceId,
                String invoiceNumber,
                String buyerName,
                boolean payable,
                BigDecimal totalOpen,
                String currency) {
            this(invoiceId, invoiceNumber, buyerName, payable, totalOpen, currency, null);
        }

        boolean sameCustomer(Candidate other) {
            return customerId != null ? customerId.equals(other.customerId) : buyerName.equals(other.buyerName);
        }
    }

    /** Where the matcher looks invoices up. */
    public interface Invoices {
        Optional<Candidate> byNumber(String invoiceNumber);

        /** Receivable invoices whose total open amount is exactly {@code amount}. */
        List<Candidate> byOpenAmount(BigDecimal amount, String currency);
    }

    /** A decision: {@code invoice} and {@code by} when matched, else the {@code reason} it stays in clearing. */
    public record Decision(Candidate invoice, MatchedBy by, String reason, List<Candidate> invoices) {

        Decision(Candidate invoice, MatchedBy by, String reason) {
            this(invoice, by, reason, invoice == null ? List.of() : List.of(invoice));
        }

        public boolean matched() {
            return invoice != null;
        }
    }

    private PaymentMatcher() {}

    public static Decision match(StatementEntry entry, Invoices invoices) {
        List<String> byReference = InvoiceNumberInText.in(entry.endToEndId());
        if (byReference.size() == 1) {
            Decision named = named(byReference.get(0), entry, invoices, MatchedBy.END_TO_END_ID);
            if (named.matched()) {
                return named;
            }
        }
        List<String> numbers = InvoiceNumberInText.in(entry.remittance());
        if (numbers.size() > 1) {
            return several(numbers, entry, invoices);
        }
        if (numbers.size() == 1) {
            return named(numbers.get(0), entry, invoices, MatchedBy.INVOICE_NUMBER);
        }
        if (entry.payerName() == null || entry.payerName().isBlank()) {
            return unmatched("no invoice number in the remittance and no payer name");
        }
        List<Candidate> byAmount = invoices.byOpenAmount(entry.amount(), entry.currency()).stream()
                .filter(candidate -> sameName(entry.payerName(), candidate.buyerName()))
                .toList();
        if (byAmount.size() == 1) {
            return new Decision(byAmount.get(0), MatchedBy.AMOUNT_AND_PAYER, null);
        }
        return unmatched(
                byAmount.isEmpty()
                        ? "no invoice number, and no open invoice of " + entry.amount() + " to " + entry.payerName()
                        : byAmount.size() + " open invoices of " + entry.amount() + " to " + entry.payerName());
    }

    private static Decision named(String number, StatementEntry entry, Invoices invoices, MatchedBy by) {
        Optional<Candidate> named = invoices.byNumber(number);
        if (named.isEmpty()) {
            return unmatched("the remittance names " + number + ", which is not an issued invoice");
        }
        if (!named.get().payable()) {
            return unmatched(number + " cannot take payments (cancelled)");
        }
        if (!named.get().currency().equals(entry.currency())) {
            return unmatched("paid in " + entry.currency() + ", " + number + " is in "
                    + named.get().currency());
        }
        return new Decision(named.get(), by, null);
    }

    /** Several invoice numbers: a collective payment if all are payable invoices of one customer in its currency. */
    private static Decision several(List<String> numbers, StatementEntry entry, Invoices invoices) {
        List<Candidate> named = new java.util.ArrayList<>();
        for (String number : numbers) {
            Decision one = named(number, entry, invoices, MatchedBy.INVOICE_NUMBER);
            if (!one.matched()) {
                return unmatched("the remittance names several invoices " + numbers + "; " + one.reason());
            }
            if (!named.isEmpty() && !named.get(0).sameCustomer(one.invoice())) {
                return unmatched("the remittance names several invoices " + numbers + " of different customers");
            }
            named.add(one.invoice());
        }
        return new Decision(named.get(0), MatchedBy.INVOICE_NUMBERS, null, List.copyOf(named));
    }

    /**
     * Whether the payer is the buyer: equal after folding case, umlauts, accents and punctuation; banks cut names to a
     * field length, so a payer name that is the start of the buyer's (or the reverse) counts when it has ten characters
     * or more.
     */
    static boolean sameName(String payer, String buyer) {
        if (payer == null || buyer == null) {
            return false;
        }
        String a = fold(payer);
        String b = fold(buyer);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() < b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= 10 && longer.startsWith(shorter);
    }

    private static String fold(String name) {
        // SEPA's character set has no umlauts: banks write ö as oe, so both spellings fold to the same.
        String german = name.toLowerCase(Locale.ROOT)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss");
        String noAccents = Normalizer.normalize(german, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return noAccents.replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static Decision unmatched(String reason) {
        return new Decision(null, null, reason);
    }
}
