package io.kontor.accounting.payables.supplier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A supplier as master data: made from its first invoice, confirmed by a clerk. Its IBAN is the account we pay to; an
 * invoice naming another one does not change it but waits as {@link #pendingIban} until a person verified the change
 * with the supplier (a new bank account on an invoice is the classic invoice fraud).
 */
@Entity
@Table(name = "supplier")
public class Supplier extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;
    public String vatId;
    public String taxNumber;
    public String street;
    public String postalCode;
    public String city;
    public String country;
    public String iban;
    public String bic;
    public String pendingIban;
    public String pendingBic;
    public UUID pendingIbanInvoiceId;
    public boolean confirmed;
    public String confirmedBy;
    public Instant confirmedAt;
    public Instant createdAt;

    @Version
    public long version;

    /** The supplier by its VAT id (BT-31), else by its exact name among those without one. */
    public static Optional<Supplier> matching(String vatId, String name) {
        if (vatId != null && !vatId.isBlank()) {
            return find("upper(vatId) = ?1", vatId.strip().toUpperCase(Locale.ROOT))
                    .firstResultOptional();
        }
        if (name == null) {
            return Optional.empty();
        }
        return find("vatId is null and lower(name) = ?1", name.strip().toLowerCase(Locale.ROOT))
                .firstResultOptional();
    }
}
