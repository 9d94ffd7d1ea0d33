package io.kontor.accounting.payables;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The file as it arrived, byte for byte, with its SHA-256: the document GoBD and §147 (1) Nr. 3, (2) AO require us to
 * keep unchanged and readable for the retention period (§14b UStG). The database refuses updates and deletes.
 */
@Entity
@Table(name = "supplier_invoice_original")
public class SupplierInvoiceOriginal extends PanacheEntityBase {

    @Id
    public UUID invoiceId;

    public String fileName;
    public String contentType;
    public String sha256;
    public int size;
    public byte[] content;
    public Instant receivedAt;
}
