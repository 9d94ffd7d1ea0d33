package io.kontor.sales.offer;

import io.kontor.platform.events.sales.DocumentDiscount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The money of an offer, reckoned as on a German invoice: each line's net amount is rounded half-up to the cent, the
 * VAT is computed once per rate on the sum of that rate's net amounts (§14 (4) Nr. 8 UStG asks for the amount per rate,
 * not per line) and rounded half-up, and the gross is net plus VAT. Summing per-line VAT instead would drift by cents
 * from what accounting puts on the invoice.
 */
public record OfferTotals(
        BigDecimal netTotal,
        BigDecimal vatTotal,
        BigDecimal grossTotal,
        List<VatGroup> vatGroups,
        BigDecimal linesNetTotal,
        BigDecimal discountTotal) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int CENTS = 2;

    /** What the totals need of a line: its (rounded) net amount and its VAT rate in percent. */
    public record Line(BigDecimal netAmount, BigDecimal vatRate) {}

    /**
     * Net (after the document discount) and VAT of all lines at one rate, the "Aufschlüsselung nach Steuersätzen" of an
     * invoice; {@code discount} is the rate's share of the document discount (zero without one).
     */
    public record VatGroup(BigDecimal vatRate, BigDecimal net, BigDecimal vat, BigDecimal discount) {

        public VatGroup(BigDecimal vatRate, BigDecimal net, BigDecimal vat) {
            this(vatRate, net, vat, BigDecimal.ZERO.setScale(CENTS));
        }
    }

    /**
     * quantity × unit price × (1 − discount / 100), rounded half-up to cents. Computed exactly and rounded once, so
     * that a discount never rounds twice.
     */
    public static BigDecimal lineNet(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
        if (discountPercent.signum() < 0 || discountPercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("a discount is 0 to 100 percent, not " + discountPercent);
        }
        return quantity.multiply(unitPrice)
                .multiply(HUNDRED.subtract(discountPercent))
                .movePointLeft(2)
                .setScale(CENTS, RoundingMode.HALF_UP);
    }

    public static OfferTotals of(List<Line> lines) {
        return of(lines, null);
    }

    /**
     * The totals with a document discount (or none): it is split over the rates by {@link DocumentDiscount#shares}, as
     * accounting splits it into the invoice's allowances, and each rate's VAT is computed on its net after the discount
     * (§10 (1) UStG: the discount reduces the taxable amount).
     */
    public static OfferTotals of(List<Line> lines, DocumentDiscount discount) {
        // Highest rate first, as invoices list them; compareTo makes 19 and 19.00 one rate.
        Map<BigDecimal, BigDecimal> netByRate = new TreeMap<>(Comparator.reverseOrder());
        for (Line line : lines) {
            netByRate.merge(line.vatRate(), line.netAmount(), BigDecimal::add);
        }
        List<BigDecimal> rates = new ArrayList<>(netByRate.keySet());
        List<BigDecimal> linesNets = rates.stream()
                .map(rate -> netByRate.get(rate).setScale(CENTS, RoundingMode.HALF_UP))
                .toList();
        List<BigDecimal> shares = discount == null || rates.isEmpty()
                ? linesNets.stream().map(net -> BigDecimal.ZERO.setScale(CENTS)).toList()
                : discount.shares(linesNets);
        BigDecimal linesNet = BigDecimal.ZERO.setScale(CENTS);
        BigDecimal net = BigDecimal.ZERO.setScale(CENTS);
        BigDecimal vat = BigDecimal.ZERO.setScale(CENTS);
        List<VatGroup> groups = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            BigDecimal groupNet = linesNets.get(i).subtract(shares.get(i));
            BigDecimal groupVat =
                    groupNet.multiply(rates.get(i)).divide(HUNDRED).setScale(CENTS, RoundingMode.HALF_UP);
            groups.add(new VatGroup(rates.get(i), groupNet, groupVat, shares.get(i)));
            linesNet = linesNet.add(linesNets.get(i));
            net = net.add(groupNet);
            vat = vat.add(groupVat);
        }
        return new OfferTotals(net, vat, net.add(vat), List.copyOf(groups), linesNet, linesNet.subtract(net));
    }

    /**
     * A net amount with the VAT of its rate, rounded half-up to cents: what a consumer is shown (§1 PAngV asks for
     * prices including VAT). For display only; the totals are reckoned from the net amounts.
     */
    public static BigDecimal gross(BigDecimal net, BigDecimal vatRate) {
        return net.multiply(HUNDRED.add(vatRate)).divide(HUNDRED).setScale(CENTS, RoundingMode.HALF_UP);
    }
}
