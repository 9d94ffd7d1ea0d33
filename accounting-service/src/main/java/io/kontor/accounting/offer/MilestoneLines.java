package io.kontor.accounting.offer;

import io.kontor.accounting.invoice.InvoiceLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lines of a milestone invoice. A milestone's amount is net, a share of the offer: where the offer mixes VAT rates,
 * the amount is split over the rates in the proportion of the offer's net per rate (each share rounded half-up to
 * cents, the last rate takes the remainder), so that the milestones of an offer add up to the offer's VAT.
 */
public final class MilestoneLines {

    private MilestoneLines() {}

    public static List<InvoiceLine> of(List<InvoiceLine> offerLines, String description, BigDecimal amount) {
        if (offerLines.isEmpty()) {
            throw new IllegalArgumentException("the offer has no lines to take VAT rates from");
        }
        // Highest rate first, as invoices show them; compareTo keys, so 19 and 19.00 are one rate.
        TreeMap<BigDecimal, BigDecimal> netByRate = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (InvoiceLine line : offerLines) {
            netByRate.merge(line.vatRate, line.netAmount, BigDecimal::add);
        }
        BigDecimal offerNet = netByRate.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (netByRate.size() == 1 || offerNet.signum() == 0) {
            return List.of(line(description, amount, netByRate.firstKey()));
        }
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal left = amount;
        int index = 0;
        for (Map.Entry<BigDecimal, BigDecimal> rate : netByRate.entrySet()) {
            boolean last = ++index == netByRate.size();
            BigDecimal share = last ? left : amount.multiply(rate.getValue()).divide(offerNet, 2, RoundingMode.HALF_UP);
            left = left.subtract(share);
            lines.add(line(
                    description + " (" + rate.getKey().stripTrailingZeros().toPlainString() + " % USt)",
                    share,
                    rate.getKey()));
        }
        return lines;
    }

    private static InvoiceLine line(String description, BigDecimal net, BigDecimal vatRate) {
        return InvoiceLine.of(null, description, BigDecimal.ONE, null, net, BigDecimal.ZERO, vatRate);
    }
}
