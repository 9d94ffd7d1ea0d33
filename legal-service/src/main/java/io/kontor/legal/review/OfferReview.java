package io.kontor.legal.review;

import io.kontor.platform.persistence.StringListJson;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An offer sales held back for legal's advice, with what legal needs to judge it and legal's decision. */
@Entity
@Table(name = "offer_review")
public class OfferReview extends PanacheEntityBase {

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    @Id
    public UUID id;

    public UUID offerId;
    public String offerNumber;
    public int revision;
    public UUID customerId;
    public String customerName;
    public String customerCountry;
    public int paymentTermDays;
    public String currency;
    public BigDecimal netTotal;
    public BigDecimal grossTotal;
    public String termsText;

    /** The offer's lines as text ("2 h Beratung à 120.00, 10 % Rabatt"): legal reads them, nothing computes on them. */
    @Convert(converter = StringListJson.class)
    public List<String> lines;

    @Convert(converter = StringListJson.class)
    public List<String> reasons;

    public String requestedBy;
    public Instant requestedAt;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String comment;
    public String decidedBy;
    public Instant decidedAt;
}
