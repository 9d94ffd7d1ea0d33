package io.kontor.sales.template;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record OfferTemplateView(
        UUID id,
        String name,
        int validityDays,
        String introText,
        String termsText,
        List<Line> lines,
        Instant createdAt) {

    public record Line(String sku, BigDecimal quantity, boolean optional) {}

    public static OfferTemplateView of(OfferTemplate template) {
        return new OfferTemplateView(
                template.id,
                template.name,
                template.validityDays,
                template.introText,
                template.termsText,
                template.lines.stream()
                        .map(l -> new Line(l.sku, l.quantity, l.optional))
                        .toList(),
                template.createdAt);
    }
}
