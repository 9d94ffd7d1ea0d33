package io.kontor.accounting.invoice;

import io.kontor.platform.events.sales.TaxTreatment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Skonto agreed on an invoice: {@code percent} off the gross total for payment within {@code days} of the issue date.
 * The discount reduces the consideration, so the tax base of each rate shrinks by its share and the VAT with it (§17
 * (1) UStG); {@link #split} says by how much per rate.
 */
public record Skonto(BigDecimal percent, int days) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** More than this is no cash discount but a typo (20 for 2.0): the request is refused. */
    public static final BigDecimal MAX_PERCENT = BigDecimal.TEN;

    public Skonto {
        if (percent == null || percent.signum() <= 0 || percent.compareTo(MAX_PERCENT) > 0) {
            throw new IllegalArgumentException("Skonto of " + percent + " %");
        }
        if (percent.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("Skonto of " + percent + " %: at most two decimals");
        }
        if (days < 0) {
            throw new IllegalArgumentException("Skonto period of " + days + " days");
        }
        percent = percent.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The terms of an invoice, or null when it has none. */
    public static Skonto of(Invoice invoice) {
        return invoice.skontoPercent == null || invoice.skontoDays == null
                ? null
                : new Skonto(invoice.skontoPercent, invoice.skontoDays);
    }

    /** The last value date that earns the discount. */
    public LocalDate deadline(LocalDate issueDate) {
        return issueDate.plusDays(days);
    }

    /** The discount on {@code gross}, rounded half-up to cents once. */
    public BigDecimal amount(BigDecimal gross) {
        return gross.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** What is to be paid within the period. */
    public BigDecimal payable(BigDecimal gross) {
        return gross.subtract(amount(gross));
    }

    /** The invoice's payment terms in words: {@code 2 % Skonto bei Zahlung bis 15.03.2026 (2.940,00 EUR)}. */
    public String sentence(Invoice invoice) {
        return plainPercent() + " % Skonto bei Zahlung bis "
                + deadline(invoice.issueDate).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))
                + " (zu zahlen " + german(payable(invoice.grossTotal)) + " " + invoice.currency + ")";
    }

    /**
     * BT-20 in XRechnung's notation for Skonto (XRechnung specification, "Skonto"; BR-DE-18): one line
     * {@code #SKONTO#TAGE=10#PROZENT=2.00#} ended by a line feed. Without BASISBETRAG the basis is the amount due
     * (BT-115), which is the gross total of an unpaid invoice.
     */
    public String xrechnungLine() {
        return "#SKONTO#TAGE=" + days + "#PROZENT=" + percent.toPlainString() + "#\n";
    }

    private String plainPercent() {
        BigDecimal plain = percent.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString().replace('.', ',');
    }

    private static String german(BigDecimal amount) {
        return String.format(Locale.GERMANY, "%,.2f", amount);
    }

    /** The part of a discount that falls on one rate and treatment: gross, the tax base reduction and the VAT. */
    public record Share(TaxTreatment treatment, BigDecimal rate, BigDecimal gross, BigDecimal net, BigDecimal vat) {}

    /**
     * Splits a discount of {@code discount} (gross) over the invoice's rates in proportion to each rate's gross, each
     * share rounded to cents and the last taking the rounding difference, so the shares add up to the discount; each
     * share's VAT is the tax it contains at its rate (gross × rate / (100 + rate)), its net the rest (§17 (1) UStG).
     */
    public static List<Share> split(BigDecimal discount, List<InvoiceTotals.VatSubtotal> breakdown) {
        BigDecimal gross = breakdown.stream()
                .map(s -> s.taxableAmount().add(s.vatAmount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Share> shares = new ArrayList<>();
        BigDecimal left = discount;
        for (int i = 0; i < breakdown.size(); i++) {
            InvoiceTotals.VatSubtotal subtotal = breakdown.get(i);
            BigDecimal rateGross = subtotal.taxableAmount().add(subtotal.vatAmount());
            BigDecimal share = i == breakdown.size() - 1 || gross.signum() == 0
                    ? left
                    : discount.multiply(rateGross).divide(gross, 2, RoundingMode.HALF_UP);
            left = left.subtract(share);
            BigDecimal vat = subtotal.vatAmount().signum() == 0
                    ? BigDecimal.ZERO.setScale(2)
                    : share.multiply(subtotal.rate()).divide(HUNDRED.add(subtotal.rate()), 2, RoundingMode.HALF_UP);
            shares.add(new Share(subtotal.treatment(), subtotal.rate(), share, share.subtract(vat), vat));
        }
        return shares.stream().filter(s -> s.gross().signum() != 0).toList();
    }
}
