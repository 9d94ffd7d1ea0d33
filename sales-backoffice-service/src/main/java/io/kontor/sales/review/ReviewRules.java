package io.kontor.sales.review;

import io.kontor.sales.SalesConfig;
import java.math.BigDecimal;
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

    /** What the rules look at, taken from the offer, its customer and its template. */
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
