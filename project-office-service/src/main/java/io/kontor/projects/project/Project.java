package io.kontor.projects.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
public class Project extends PanacheEntityBase {

    public enum KickoffStatus {
        PROPOSED,
        SCHEDULED
    }

    @Id
    public UUID id;

    public String name;
    public UUID customerId;
    /** At most one project per accepted offer, enforced by a unique constraint as well as by the inbox. */
    public UUID offerId;

    public String managerEmail;
    /**
     * How the offer is billed (MILESTONES or ON_ACCEPTANCE) and its net total, the cap of the milestones' amounts; null
     * for a project opened by hand or from an offer accepted before issue #15.
     */
    public String offerBilling;

    public java.math.BigDecimal offerNetTotal;
    /**
     * ISO 4217 code of milestone amounts: the offer's currency, or the configured default for a project opened by hand.
     */
    public String currency;

    public LocalDate startDate;

    @Enumerated(EnumType.STRING)
    public KickoffStatus kickoffStatus;

    public Instant createdAt;

    public static Project findByOffer(UUID offerId) {
        return find("offerId", offerId).firstResult();
    }
}
