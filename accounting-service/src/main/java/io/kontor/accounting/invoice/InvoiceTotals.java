package io.kontor.accounting.invoice;

import io.kontor.platform.events.sales.DocumentDiscount;
import io.kontor.platform.events.sales.TaxTreatment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The money of an invoice. Each line's net amount is rounded half-up to cents once; VAT is computed per rate on the sum
 * of that rate's line amounts and rounded once per rate (EN 16931 BR-CO-17), not per line, so that the VAT of an
 * invoice does not depend on how its lines are split; gross is net plus VAT.
 */
public record InvoiceTotals(
        BigDecimal netTotal,
        BigDecimal vatTotal,
        BigDecimal grossTotal,
        List<VatSubtotal> vatBreakdown,
        BigDecimal lineTotal,
        BigDecimal allowanceTotal) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int CENTS = 2;

    /**
     * The taxable amount and the VAT of one rate and treatment (EN 16931 BG-23: one per category and rate);
     * {@code allowance} is this rate's share of the document discount (BG-20), already taken off the taxable amount.
     */
    public record VatSubtotal(
            BigDecimal rate,
            BigDecimal taxableAmount,
            BigDecimal vatAmount,
            TaxTreatment treatment,
            BigDecimal allowance) {

        public VatSubtotal(BigDecimal rate, BigDecimal taxableAmount, BigDecimal vatAmount, TaxTreatment treatment) {
            this(rate, taxableAmount, vatAmount, treatment, BigDecimal.ZERO.setScale(CENTS));
        }

        public VatSubtotal(BigDecimal rate, BigDecimal taxableAmount, BigDecimal vatAmount) {
            this(rate, taxableAmount, vatAmount, TaxTreatment.DOMESTIC);
        }
    }

    /** What totals need of a line: its rounded net amount, its VAT rate in percent and its tax treatment. */
    public record LineAmount(BigDecimal netAmount, BigDecimal vatRate, TaxTreatment treatment) {

        public LineAmount(BigDecimal netAmount, BigDecimal vatRate) {
            this(netAmount, vatRate, TaxTreatment.DOMESTIC);
        }
    }

    private record Group(BigDecimal rate, TaxTreatment treatment) {}

    /** quantity × unit price, less the discount in percent, rounded half-up to cents. */
    public static BigDecimal lineNet(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
        BigDecimal discount = discountPercent == null ? BigDecimal.ZERO : discountPercent;
        // Dividing by 100 always terminates, so the only rounding is the final one to cents.
        return quantity.multiply(unitPrice)
                .multiply(HUNDRED.subtract(discount))
                .divide(HUNDRED)
                .setScale(CENTS, RoundingMode.HALF_UP);
    }

    public static InvoiceTotals of(List<LineAmount> lines) {
        return of(lines, null);
    }

    /**
     * The totals with a document discount (or none): split over the rates and treatments by
     * {@link DocumentDiscount#shares}, as sales split it on the offer, each group's VAT computed on its amount after
     * its share (§10 (1) UStG; EN 16931 BR-S-08: taxable amount = line amounts − allowances of the category and rate).
     */
    public static InvoiceTotals of(List<LineAmount> lines, DocumentDiscount discount) {
        // Highest rate first, then by treatment; plain() makes 19 and 19.00 one rate.
        TreeMap<Group, BigDecimal> taxableByRate =
                new TreeMap<>(Comparator.comparing(Group::rate).reversed().thenComparing(Group::treatment));
        for (LineAmount line : lines) {
            TaxTreatment treatment = line.treatment() == null ? TaxTreatment.DOMESTIC : line.treatment();
            taxableByRate.merge(new Group(plain(line.vatRate()), treatment), line.netAmount(), BigDecimal::add);
        }
        List<Group> groups = new ArrayList<>(taxableByRate.keySet());
        List<BigDecimal> lineNets = groups.stream()
                .map(group -> taxableByRate.get(group).setScale(CENTS, RoundingMode.HALF_UP))
                .toList();
        List<BigDecimal> shares = discount == null || groups.isEmpty()
                ? lineNets.stream().map(net -> BigDecimal.ZERO.setScale(CENTS)).toList()
                : discount.shares(lineNets);
        BigDecimal lineTotal = BigDecimal.ZERO.setScale(CENTS);
        BigDecimal net = BigDecimal.ZERO.setScale(CENTS);
        BigDecimal vat = BigDecimal.ZERO.setScale(CENTS);
        List<VatSubtotal> breakdown = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            BigDecimal rate = groups.get(i).rate();
            BigDecimal taxable = lineNets.get(i).subtract(shares.get(i));
            BigDecimal vatAmount = taxable.multiply(rate).divide(HUNDRED).setScale(CENTS, RoundingMode.HALF_UP);
            breakdown.add(
                    new VatSubtotal(rate, taxable, vatAmount, groups.get(i).treatment(), shares.get(i)));
            lineTotal = lineTotal.add(lineNets.get(i));
            net = net.add(taxable);
            vat = vat.add(vatAmount);
        }
        return new InvoiceTotals(net, vat, net.add(vat), List.copyOf(breakdown), lineTotal, lineTotal.subtract(net));
    }

    /** A rate or quantity without insignificant zeros: 19.00 is 19, 0.50 is 0.5. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
