package io.kontor.productdevelopment.requirement;

import io.kontor.platform.persistence.StringListJson;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
public class Requirement extends PanacheEntityBase {

    public enum Kind {
        FUNCTIONAL,
        QUALITY,
        REGULATORY
    }

    /** MoSCoW. */
    public enum Priority {
        MUST,
        SHOULD,
        COULD,
        WONT
    }

    public enum SourceKind {
        /** A line of an accepted offer: the customer asked for it. */
        OFFER,
        /** A version of a legal document (a law, GoBD, a contract). */
        LEGAL,
        INTERNAL
    }

    public enum Status {
        DRAFT,
        APPROVED,
        IMPLEMENTED,
        VERIFIED,
        REJECTED;

        /** Approved or further: a change makes a new version and its links suspect. */
        boolean isBaselined() {
            return this == APPROVED || this == IMPLEMENTED || this == VERIFIED;
        }
    }

    @Id
    public UUID id;

    public String number;
    public String title;
    /** Markdown. */
    public String description;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    @Convert(converter = StringListJson.class)
    public List<String> acceptanceCriteria;

    @Enumerated(EnumType.STRING)
    public SourceKind sourceKind;

    public UUID sourceOfferId;
    public String sourceOfferNumber;
    /** The line of the offer, counted from 1. */
    public Integer sourceOfferLine;
    /** For a legal source: the document and its version, e.g. "GoBD, BMF-Schreiben vom 28.11.2019, Rz. 58". */
    public String sourceDocument;

    public UUID customerId;
    public String customerName;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int version;
    public String createdBy;
    public Instant createdAt;
    public Instant approvedAt;
    public Instant verifiedAt;

    public static Requirement fromOfferLine(UUID offerId, int line) {
        return find("sourceOfferId = ?1 and sourceOfferLine = ?2", offerId, line)
                .firstResult();
    }
}
