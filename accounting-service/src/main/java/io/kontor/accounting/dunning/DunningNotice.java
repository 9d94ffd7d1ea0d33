package io.kontor.accounting.dunning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A reminder (level 1) or dunning notice (levels 2, 3) as it went out, with the fee and interest it claimed. */
@Entity
@Table(name = "dunning_notice")
public class DunningNotice extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID invoiceId;
    public String invoiceNumber;
    public UUID customerId;
    public int level;
    public LocalDate issuedOn;
    public BigDecimal fee;
    public BigDecimal interest;
    /** Interest covers the days after {@code interestFrom} up to and including {@code interestTo}. */
    public LocalDate interestFrom;

    public LocalDate interestTo;
    /** Points above the base rate the interest was reckoned with (§288 (1) or (2) BGB); null on notices before V9. */
    public BigDecimal interestPoints;
    /** The deadline the notice sets; null on notices before V9. */
    public LocalDate payBy;

    public BigDecimal openPrincipal;
    /** Principal, fees and interest owed after this notice. */
    public BigDecimal totalOwed;

    public String currency;
    public Instant createdAt;
    /** Set when a payment with an earlier value date showed the notice's fee and interest not owed. */
    public LocalDate unwoundOn;
}
