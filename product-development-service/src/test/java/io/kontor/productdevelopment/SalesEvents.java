package io.kontor.productdevelopment;

import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.BillingMode;
import io.kontor.platform.events.sales.CustomerSnapshot;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.platform.events.sales.OfferLine;
import io.kontor.platform.events.sales.TaxTreatment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Accepted offers as sales announces them, with some lines marked as customer requirements. */
public final class SalesEvents {

    private SalesEvents() {}

    /** One line per description; those in {@code requirements} are marked as customer requirements. */
    public static OfferAccepted accepted(
            UUID customerId, String customerName, String offerNumber, List<String> lines, List<String> requirements) {
        List<OfferLine> offerLines = new ArrayList<>();
        for (String description : lines) {
            offerLines.add(new OfferLine(
                    "DEV-" + offerLines.size(),
                    description,
                    new BigDecimal("1.000"),
                    "Pauschale",
                    new BigDecimal("1000.00"),
                    BigDecimal.ZERO,
                    new BigDecimal("19"),
                    new BigDecimal("1000.00"),
                    TaxTreatment.DOMESTIC,
                    null,
                    requirements.contains(description),
                    null));
        }
        BigDecimal net = new BigDecimal("1000.00").multiply(BigDecimal.valueOf(lines.size()));
        BigDecimal vat = net.multiply(new BigDecimal("0.19")).setScale(2);
        return new OfferAccepted(
                UUID.randomUUID(),
                offerNumber,
                1,
                customerId,
                new CustomerSnapshot(
                        "K-000042",
                        customerName,
                        CustomerType.BUSINESS,
                        "info@muster.example",
                        "DE123456789",
                        14,
                        new Address("Hauptstr. 1", "10115", "Berlin", "DE")),
                BillingMode.MILESTONES,
                "EUR",
                offerLines,
                net,
                vat,
                net.add(vat),
                Instant.now(),
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
