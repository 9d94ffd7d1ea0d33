package io.kontor.sales.template;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A line every offer from the template starts with; priced from the catalogue when the offer is made. */
@Embeddable
public class OfferTemplateLine {

    @Column(nullable = false, length = 64)
    public String sku;

    @Column(nullable = false, precision = 12, scale = 3)
    public BigDecimal quantity;
    /** Offered as an option: not in the totals until the customer chooses it. */
    @Column(nullable = false)
    public boolean optional;
}
