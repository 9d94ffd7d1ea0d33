package io.kontor.accounting.dunning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice past level 3 handed to a collection agency or to the court dunning procedure (gerichtliches Mahnverfahren,
 * §§688 ff. ZPO): from then on the dunning run leaves it alone.
 */
@Entity
@Table(name = "collection_handover")
public class CollectionHandover extends PanacheEntityBase {

    @Id
    public UUID invoiceId;

    public LocalDate handedOn;
    public String handedTo;
    public String reference;
    public Instant createdAt;

    /** Legal's case and how it ended (collection-case-closed), once it is closed. */
    public UUID caseId;

    public String caseNumber;
    public String result;
    public java.math.BigDecimal amountRecovered;
    public LocalDate closedOn;
}
