package io.kontor.accounting.payables.run;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A payment run: the SEPA credit transfer file made for the bank, kept as handed out. */
@Entity
@Table(name = "payment_run")
public class PaymentRun extends PanacheEntityBase {

    @Id
    public UUID id;

    public String messageId;
    public LocalDate executionDate;
    public LocalDate dueBy;
    public String createdBy;
    public Instant createdAt;
    public int transfers;
    public BigDecimal total;
    public String currency;
    public String sha256;
    public byte[] pain001;
}
