package io.kontor.accounting.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The seller as invoices issued now name it. A bean of its own (the configuration is not replaceable while running), so
 * that a test can change the seller and see that documents issued before stay as they were.
 */
@ApplicationScoped
public class SellerOfRecord {

    @Inject
    SellerConfig config;

    public SellerConfig current() {
        return config;
    }
}
