package io.kontor.accounting.payables.supplier;

import java.time.Instant;
import java.util.UUID;

public record SupplierView(
        UUID id,
        String name,
        String vatId,
        String taxNumber,
        String street,
        String postalCode,
        String city,
        String country,
        String iban,
        String bic,
        String pendingIban,
        UUID pendingIbanInvoiceId,
        boolean confirmed,
        Instant confirmedAt,
        Instant createdAt) {

    public static SupplierView of(Supplier s) {
        return new SupplierView(
                s.id,
                s.name,
                s.vatId,
                s.taxNumber,
                s.street,
                s.postalCode,
                s.city,
                s.country,
                s.iban,
                s.bic,
                s.pendingIban,
                s.pendingIbanInvoiceId,
                s.confirmed,
                s.confirmedAt,
                s.createdAt);
    }
}
