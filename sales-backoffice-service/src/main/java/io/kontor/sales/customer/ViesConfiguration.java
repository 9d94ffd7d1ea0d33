package io.kontor.sales.customer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.sales.SalesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Wires the VIES adapter to the configured base URL; tests replace the port. */
@ApplicationScoped
public class ViesConfiguration {

    @Produces
    @ApplicationScoped
    VatIdConfirmation vies(SalesConfig config, ObjectMapper json) {
        return new ViesVatIdConfirmation(
                config.vies().baseUrl(), config.vies().timeout(), config.vies().requesterVatId(), json);
    }
}
