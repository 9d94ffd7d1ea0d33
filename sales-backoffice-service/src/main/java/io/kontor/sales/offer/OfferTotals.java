package io.kontor.sales.offer;

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
public record OfferTotals(BigDecimal netTotal, BigDecimal vatTotal, BigDecimal grossTotal, List<VatGroup> vatGroups) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int CENTS = 2;

    /** What the totals need of a line: its (rounded) net amount and its VAT rate in percent. */
    public record Line(BigDecimal netAmount, BigDecimal vatRate) {}

    /** Net and VAT of all lines at one rate, the "Aufschlüsselung nach Steuersätzen" of an invoice. */
    public record VatGroup(BigDecimal vatRate, BigDecimal net, BigDecimal vat) {}

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
        // Highest rate first, as invoices list them; compareTo makes 19 and 19.00 one rate.
        Map<BigDecimal, BigDecimal> netByRate = new TreeMap<>(Comparator.reverseOrder());
        for (Line line : lines) {
            netByRate.merge(line.vatRate(), line.netAmount(), BigDecimal::add);
        }
        BigDecimal net = BigDecimal.ZERO.setScale(CENTS);
        BigDecimal vat = BigDecimal.ZERO.setScale(CENTS);
        List<VatGroup> groups = new ArrayList<>();
        for (Map.Entry<BigDecimal, BigDecimal> rate : netByRate.entrySet()) {
            BigDecimal groupNet = rate.getValue().setScale(CENTS, RoundingMode.HALF_UP);
            BigDecimal groupVat =
                    groupNet.multiply(rate.getKey()).divide(HUNDRED).setScale(CENTS, RoundingMode.HALF_UP);
            groups.add(new VatGroup(rate.getKey(), groupNet, groupVat));
            net = net.add(groupNet);
            vat = vat.add(groupVat);
        }
        return new OfferTotals(net, vat, net.add(vat), List.copyOf(groups));
    }
}
