package io.kontor.sales.review;

import io.kontor.platform.persistence.StringListJson;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One step of an offer's legal review, for its history: requested (with the reasons), decided, returned. */
@Entity
@Table(name = "offer_review_entry")
public class OfferReviewEntry extends PanacheEntityBase {

    public enum Kind {
        REQUESTED,
        APPROVED,
        REJECTED,
        RETURNED_TO_DRAFT
    }

    @Id
    public UUID id;

    public UUID offerId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Convert(converter = StringListJson.class)
    public List<String> reasons;

    public String comment;
    public String actor;
    public Instant at;

    public static OfferReviewEntry of(
            UUID offerId, Kind kind, List<String> reasons, String comment, String actor, Instant at) {
        OfferReviewEntry entry = new OfferReviewEntry();
        entry.id = UUID.randomUUID();
        entry.offerId = offerId;
        entry.kind = kind;
        entry.reasons = reasons == null ? List.of() : reasons;
        entry.comment = comment;
        entry.actor = actor;
        entry.at = at;
        return entry;
    }

    public static List<OfferReviewEntry> of(UUID offerId) {
        return list("offerId = ?1 order by at, kind", offerId);
    }
}
