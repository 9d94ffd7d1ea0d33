package io.kontor.sales.review;

import io.kontor.sales.SalesConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When an offer must go to legal before it is sent (issue #18, kontor.sales.legal-review.*): each rule that holds gives
 * a reason, as legal will read it. No reason, no review.
 */
public final class ReviewRules {

    /** The EU's member states (ISO 3166-1 alpha-2; Greece as GR). */
    static final Set<String> EU = Set.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    /**
     * What the rules look at, taken from the offer, its customer and its template. {@code highestDiscountPercent} is
     * the deepest discount any line is sold at, the document discount included ({@link #highestDiscountPercent}).
     */
    public record Deal(
            BigDecimal grossTotal,
            String currency,
            String termsText,
            boolean fromTemplate,
            String templateTermsText,
            int paymentTermDays,
            String customerCountry,
            BigDecimal highestDiscountPercent) {}

    private ReviewRules() {}

    /**
     * The deepest discount a line is sold at, in percent of its list price, counting the document discount as well as
     * the line's own: a line discount d and a document discount that takes the share s of the lines' net sell the line
     * at (1 − d)(1 − s) of its list price. Without lines (or line discounts) it is the document discount's share alone.
     * Rounded half-up to hundredths of a percent.
     */
    public static BigDecimal highestDiscountPercent(
            List<BigDecimal> lineDiscountPercents, BigDecimal linesNet, BigDecimal documentDiscount) {
        BigDecimal share = documentDiscount == null || linesNet == null || linesNet.signum() <= 0
                ? BigDecimal.ZERO
                : documentDiscount.divide(linesNet, 10, RoundingMode.HALF_UP);
        List<BigDecimal> lines = new ArrayList<>(lineDiscountPercents);
        lines.add(BigDecimal.ZERO);
        BigDecimal highest = BigDecimal.ZERO;
        for (BigDecimal percent : lines) {
            BigDecimal line = percent == null ? BigDecimal.ZERO : percent.movePointLeft(2);
            BigDecimal sold = BigDecimal.ONE.subtract(line).multiply(BigDecimal.ONE.subtract(share));
            highest = highest.max(BigDecimal.ONE.subtract(sold));
        }
        return highest.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }

    public static List<String> reasons(Deal deal, SalesConfig.LegalReview rules) {
        List<String> reasons = new ArrayList<>();
        rules.grossAbove()
                .filter(limit -> deal.grossTotal().compareTo(limit) > 0)
                .ifPresent(limit -> reasons.add("gross " + deal.grossTotal().toPlainString() + " " + deal.currency()
                        + " above " + limit.toPlainString()));
        if (rules.termsDifferFromTemplate() && termsDiffer(deal)) {
            reasons.add(
                    deal.fromTemplate() ? "terms differ from the template's" : "terms of its own, not a template's");
        }
        rules.paymentTermDaysAbove()
                .filter(days -> deal.paymentTermDays() > days)
                .ifPresent(days -> reasons.add("payment terms " + deal.paymentTermDays() + " days, more than " + days));
        if (rules.customerOutsideEu() && !EU.contains(deal.customerCountry())) {
            reasons.add("customer outside the EU (" + deal.customerCountry() + ")");
        }
        rules.discountAbove()
                .filter(limit -> deal.highestDiscountPercent().compareTo(limit) > 0)
                .ifPresent(limit -> reasons.add("discount "
                        + deal.highestDiscountPercent().stripTrailingZeros().toPlainString() + " % above "
                        + limit.stripTrailingZeros().toPlainString() + " %"));
        return reasons;
    }

    private static boolean termsDiffer(Deal deal) {
        if (deal.termsText() == null || deal.termsText().isBlank()) {
            return false;
        }
        return !deal.fromTemplate() || !Objects.equals(deal.termsText().strip(), strip(deal.templateTermsText()));
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
