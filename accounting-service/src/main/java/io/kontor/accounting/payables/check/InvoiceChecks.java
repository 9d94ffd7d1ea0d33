package io.kontor.accounting.payables.check;

import io.kontor.accounting.payables.intake.ExtractedInvoice;
import io.kontor.accounting.payables.intake.ExtractedInvoice.Line;
import io.kontor.accounting.payables.intake.ExtractedInvoice.Totals;
import io.kontor.accounting.payables.intake.ExtractedInvoice.VatGroup;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The checks an incoming invoice goes through before anyone approves it, as plain rules: its sums (EN 16931 BR-CO-10 to
 * BR-CO-16), its VAT (per rate on the rate's taxable amount, BR-CO-17; German rates, §12 UStG), what §14 (4) UStG asks
 * an invoice to contain (without which §15 (1) Nr. 1 UStG allows no input VAT deduction), and that we are the buyer.
 */
public final class InvoiceChecks {

    public static final String ARITHMETIC = "arithmetic";
    public static final String VAT = "vat";
    public static final String MANDATORY_CONTENTS = "mandatory-contents";
    public static final String BUYER = "buyer-is-us";

    /** A cent either way: rounding per line versus per total. */
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    /** §12 (1) and (2) UStG, and 0 % for §12 (3) (photovoltaics). */
    private static final Set<BigDecimal> GERMAN_RATES =
            Set.of(new BigDecimal("19"), new BigDecimal("7"), BigDecimal.ZERO);

    /** Us as a buyer: the company's name and VAT id. */
    public record Us(String name, String vatId) {}

    private InvoiceChecks() {}

    public static List<Check> check(ExtractedInvoice invoice, Us us) {
        List<Check> checks = new ArrayList<>();
        checks.add(arithmetic(invoice));
        checks.add(vat(invoice));
        checks.add(mandatoryContents(invoice));
        checks.add(buyer(invoice, us));
        return checks;
    }

    static Check arithmetic(ExtractedInvoice invoice) {
        Totals t = invoice.totals();
        List<String> wrong = new ArrayList<>();
        for (Line line : invoice.lines()) {
            if (line.quantity() != null && line.unitPrice() != null && line.netAmount() != null) {
                BigDecimal expected = line.quantity().multiply(line.unitPrice()).setScale(2, RoundingMode.HALF_UP);
                if (differs(expected, line.netAmount())) {
                    wrong.add("line " + line.id() + ": " + line.quantity() + " x " + line.unitPrice() + " is "
                            + expected + ", not " + line.netAmount());
                }
            }
        }
        BigDecimal lineSum = invoice.lines().stream()
                .map(Line::netAmount)
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (t.lineTotal() == null || differs(lineSum, t.lineTotal())) {
            wrong.add("sum of line amounts " + lineSum + " differs from the line total (BT-106) " + t.lineTotal());
        }
        BigDecimal taxBasis = nz(t.lineTotal()).subtract(nz(t.allowances())).add(nz(t.charges()));
        if (t.taxBasis() == null || differs(taxBasis, t.taxBasis())) {
            wrong.add("line total - allowances + charges is " + taxBasis + ", not the total without VAT (BT-109) "
                    + t.taxBasis());
        }
        BigDecimal grand = nz(t.taxBasis()).add(nz(t.taxTotal()));
        if (t.grandTotal() == null || differs(grand, t.grandTotal())) {
            wrong.add("total without VAT + VAT is " + grand + ", not the total with VAT (BT-112) " + t.grandTotal());
        }
        BigDecimal payable = nz(t.grandTotal()).subtract(nz(t.prepaid()));
        if (t.payable() == null
                || differs(payable, t.payable()) && differs(payable, t.payable().abs())) {
            wrong.add("total with VAT - paid is " + payable + ", not the amount due (BT-115) " + t.payable());
        }
        return wrong.isEmpty()
                ? Check.ok(ARITHMETIC, "lines, totals and the amount due add up")
                : Check.failed(ARITHMETIC, String.join("; ", wrong));
    }

    static Check vat(ExtractedInvoice invoice) {
        List<String> wrong = new ArrayList<>();
        List<String> notGerman = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (VatGroup group : invoice.vatBreakdown()) {
            BigDecimal rate = nz(group.rate());
            BigDecimal expected =
                    nz(group.basis()).multiply(rate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            if (group.amount() == null || differs(expected, group.amount())) {
                wrong.add(rate.stripTrailingZeros().toPlainString() + " % of " + group.basis() + " is " + expected
                        + ", not " + group.amount());
            }
            BigDecimal basisOfLines = invoice.lines().stream()
                    .filter(l -> Objects.equals(l.vatCategory(), group.category())
                            && nz(l.vatRate()).compareTo(rate) == 0)
                    .map(Line::netAmount)
                    .filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (nz(invoice.totals().allowances()).signum() == 0
                    && nz(invoice.totals().charges()).signum() == 0
                    && differs(basisOfLines, nz(group.basis()))) {
                wrong.add("the lines at " + rate.stripTrailingZeros().toPlainString() + " % add up to " + basisOfLines
                        + ", not the taxable amount " + group.basis());
            }
            if ("S".equals(group.category()) && GERMAN_RATES.stream().noneMatch(r -> r.compareTo(rate) == 0)) {
                notGerman.add(rate.stripTrailingZeros().toPlainString() + " %");
            }
            sum = sum.add(nz(group.amount()));
        }
        if (invoice.vatBreakdown().isEmpty()) {
            wrong.add("no VAT breakdown (BG-23)");
        }
        if (differs(sum, nz(invoice.totals().taxTotal()))) {
            wrong.add("the breakdown's VAT adds up to " + sum + ", not the VAT total (BT-110) "
                    + invoice.totals().taxTotal());
        }
        if (!wrong.isEmpty()) {
            return Check.failed(VAT, String.join("; ", wrong));
        }
        if (!notGerman.isEmpty()) {
            return Check.warning(
                    VAT, "standard-rated at " + String.join(", ", notGerman) + ": no German rate (§12 UStG)");
        }
        return Check.ok(VAT, "VAT per rate is the rate's taxable amount times the rate");
    }

    /** §14 (4) Nr. 1-8 UStG, as far as an e-invoice carries them. */
    static Check mandatoryContents(ExtractedInvoice invoice) {
        List<String> missing = new ArrayList<>();
        ExtractedInvoice.Party seller = invoice.seller();
        if (seller == null || blank(seller.name())) {
            missing.add("seller's name (Nr. 1)");
        }
        if (seller == null || blank(seller.street()) && blank(seller.city())) {
            missing.add("seller's address (Nr. 1)");
        }
        if (seller == null || blank(seller.vatId()) && blank(seller.taxNumber())) {
            missing.add("seller's VAT id or tax number (Nr. 2)");
        }
        if (invoice.issueDate() == null) {
            missing.add("issue date (Nr. 3)");
        }
        if (blank(invoice.invoiceNumber())) {
            missing.add("invoice number (Nr. 4)");
        }
        if (invoice.lines().isEmpty()) {
            missing.add("what was supplied (Nr. 5)");
        }
        if (invoice.vatBreakdown().isEmpty()) {
            missing.add("taxable amount and VAT per rate (Nr. 7, 8)");
        }
        return missing.isEmpty()
                ? Check.ok(MANDATORY_CONTENTS, "§14 (4) UStG contents present")
                : Check.failed(
                        MANDATORY_CONTENTS,
                        "missing per §14 (4) UStG (no input VAT deduction without, §15 (1) Nr. 1 UStG): "
                                + String.join(", ", missing));
    }

    static Check buyer(ExtractedInvoice invoice, Us us) {
        ExtractedInvoice.Party buyer = invoice.buyer();
        if (buyer == null) {
            return Check.failed(BUYER, "the invoice names no buyer");
        }
        if (!blank(buyer.vatId()) && !blank(us.vatId())) {
            return normalise(buyer.vatId()).equals(normalise(us.vatId()))
                    ? Check.ok(BUYER, "addressed to our VAT id " + us.vatId())
                    : Check.failed(BUYER, "addressed to VAT id " + buyer.vatId() + ", ours is " + us.vatId());
        }
        if (!blank(buyer.name()) && normalise(buyer.name()).equals(normalise(us.name()))) {
            return Check.ok(BUYER, "addressed to " + us.name());
        }
        return Check.failed(BUYER, "addressed to " + buyer.name() + ", not to " + us.name());
    }

    private static String normalise(String text) {
        return text.replaceAll("[\\s.,-]", "").toUpperCase(Locale.ROOT);
    }

    private static boolean differs(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().compareTo(TOLERANCE) > 0;
    }

    private static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
