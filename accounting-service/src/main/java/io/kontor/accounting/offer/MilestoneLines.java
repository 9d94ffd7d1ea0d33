package io.kontor.accounting.offer;

import io.kontor.accounting.invoice.InvoiceLine;
import io.kontor.platform.events.sales.TaxTreatment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The lines of a milestone invoice. A milestone's amount is net, a share of the offer: where the offer mixes VAT rates
 * (or tax treatments), the amount is split over them in the proportion of the offer's net per rate and treatment (each
 * share rounded half-up to cents, the last takes the remainder), so that the milestones of an offer add up to the
 * offer's VAT, and each share keeps the treatment, and legal note, the offer agreed.
 */
public final class MilestoneLines {

    private MilestoneLines() {}

    private record TaxKey(BigDecimal rate, TaxTreatment treatment, String reason) {}

    /** Highest rate first, as invoices show them; compareTo, so 19 and 19.00 are one rate. */
    private static final Comparator<TaxKey> ORDER = Comparator.comparing(TaxKey::rate)
            .reversed()
            .thenComparing(TaxKey::treatment)
            .thenComparing(key -> Objects.requireNonNullElse(key.reason(), ""));

    public static List<InvoiceLine> of(List<InvoiceLine> offerLines, String description, BigDecimal amount) {
        if (offerLines.isEmpty()) {
            throw new IllegalArgumentException("the offer has no lines to take VAT rates from");
        }
        TreeMap<TaxKey, BigDecimal> netByRate = new TreeMap<>(ORDER);
        for (InvoiceLine line : offerLines) {
            TaxTreatment treatment = line.taxTreatment == null ? TaxTreatment.DOMESTIC : line.taxTreatment;
            netByRate.merge(new TaxKey(line.vatRate, treatment, line.taxReason), line.netAmount, BigDecimal::add);
        }
        BigDecimal offerNet = netByRate.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (netByRate.size() == 1 || offerNet.signum() == 0) {
            return List.of(line(description, amount, netByRate.firstKey()));
        }
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal left = amount;
        int index = 0;
        for (Map.Entry<TaxKey, BigDecimal> rate : netByRate.entrySet()) {
            boolean last = ++index == netByRate.size();
            BigDecimal share = last ? left : amount.multiply(rate.getValue()).divide(offerNet, 2, RoundingMode.HALF_UP);
            left = left.subtract(share);
            lines.add(line(
                    description + " ("
                            + rate.getKey().rate().stripTrailingZeros().toPlainString() + " % USt)",
                    share,
                    rate.getKey()));
        }
        return lines;
    }

    private static InvoiceLine line(String description, BigDecimal net, TaxKey tax) {
        return InvoiceLine.of(
                null,
                description,
                BigDecimal.ONE,
                null,
                net,
                BigDecimal.ZERO,
                tax.rate(),
                tax.treatment(),
                tax.reason());
    }
}
