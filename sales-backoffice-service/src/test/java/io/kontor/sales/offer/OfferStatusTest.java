package io.kontor.sales.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OfferStatusTest {

    /** The legal review of deals (issue #18) adds the detour DRAFT -> IN_REVIEW -> REVIEW_APPROVED/REJECTED. */
    private static final Set<String> ALLOWED = Set.of(
            "DRAFT->SENT",
            "SENT->ACCEPTED",
            "SENT->REJECTED",
            "SENT->EXPIRED",
            "SENT->SUPERSEDED",
            "DRAFT->IN_REVIEW",
            "IN_REVIEW->REVIEW_APPROVED",
            "IN_REVIEW->REVIEW_REJECTED",
            "REVIEW_APPROVED->SENT",
            "REVIEW_APPROVED->DRAFT",
            "REVIEW_REJECTED->DRAFT",
            // Four eyes on large discounts (issue #20): DRAFT -> PENDING_APPROVAL -> DISCOUNT_APPROVED/DRAFT.
            "DRAFT->PENDING_APPROVAL",
            "PENDING_APPROVAL->DISCOUNT_APPROVED",
            "PENDING_APPROVAL->DRAFT",
            "DISCOUNT_APPROVED->SENT",
            "DISCOUNT_APPROVED->IN_REVIEW",
            "DISCOUNT_APPROVED->DRAFT");

    @ParameterizedTest(name = "from {0}")
    @EnumSource(OfferStatus.class)
    void only_a_draft_or_an_approved_offer_is_sent_and_only_a_sent_offer_is_answered_expires_or_is_revised(
            OfferStatus from) {
        for (OfferStatus to : OfferStatus.values()) {
            assertThat(from.canBecome(to)).as("%s -> %s", from, to).isEqualTo(ALLOWED.contains(from + "->" + to));
        }
    }
}
