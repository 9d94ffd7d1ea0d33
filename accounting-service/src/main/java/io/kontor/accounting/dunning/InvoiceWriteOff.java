package io.kontor.accounting.dunning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What was lost on an invoice whose collection failed, by principal, fees and interest, with the voucher it rests on
 * (legal's case). Written once, never changed (the database refuses it: V90__collection_outcome.sql), GoBD.
 */
@Entity
@Table(name = "invoice_write_off")
public class InvoiceWriteOff extends PanacheEntityBase {

    @Id
    public UUID invoiceId;

    public LocalDate writtenOffOn;
    public String currency;
    public BigDecimal principal;
    public BigDecimal fees;
    public BigDecimal interest;
    public BigDecimal total;
    public String reason;
    public String voucher;
    public UUID caseId;
    public Instant createdAt;
}
