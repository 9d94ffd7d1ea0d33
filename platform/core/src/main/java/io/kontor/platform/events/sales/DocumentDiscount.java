package io.kontor.platform.events.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A discount on the whole offer (Gesamtrabatt), granted before VAT: {@code amount} is the net amount taken off the
 * lines' sum, {@code percent} the percentage it came from (null when sales gave an amount), {@code reason} the text the
 * documents print. On the invoice it is a document-level allowance (EN 16931 BG-20) per VAT category and rate, since
 * the allowance reduces the taxable amount of each rate (§10 (1) UStG, BR-CO-13/BR-S-08).
 *
 * <p>Sales and accounting split it over the VAT groups by the same rule, here: each group's share is the amount in the
 * proportion of the group's net to the lines' net, rounded half-up to cents, the last group taking the remainder; so
 * the offer and its invoice agree to the cent.
 */
public record DocumentDiscount(BigDecimal percent, BigDecimal amount, String reason) {

    public static final String DEFAULT_REASON = "Rabatt";

    /** The discount's amount of {@code linesNet} for a percentage, rounded half-up to cents. */
    public static BigDecimal amountOf(BigDecimal linesNet, BigDecimal percent) {
        return linesNet.multiply(percent).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }

    /** The shares of {@link #amount} for the groups' nets, in their order. */
    public List<BigDecimal> shares(List<BigDecimal> groupNets) {
        BigDecimal total = groupNets.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> shares = new ArrayList<>();
        BigDecimal left = amount.setScale(2, RoundingMode.HALF_UP);
        for (int i = 0; i < groupNets.size(); i++) {
            BigDecimal share;
            if (i == groupNets.size() - 1) {
                share = left;
            } else if (total.signum() == 0) {
                share = BigDecimal.ZERO.setScale(2);
            } else {
                share = amount.multiply(groupNets.get(i)).divide(total, 2, RoundingMode.HALF_UP);
            }
            shares.add(share);
            left = left.subtract(share);
        }
        return shares;
    }

    /** The text on the documents: "Rabatt 5 %" or the reason sales gave. */
    public String label() {
        String text = reason == null || reason.isBlank() ? DEFAULT_REASON : reason;
        return percent == null
                ? text
                : text + " " + percent.stripTrailingZeros().toPlainString() + " %";
    }
}
