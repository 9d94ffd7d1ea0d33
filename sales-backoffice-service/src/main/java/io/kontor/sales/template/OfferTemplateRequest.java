package io.kontor.sales.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Body of {@code POST /offer-templates}. */
public record OfferTemplateRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(1) @Max(365) Integer validityDays,
        @Size(max = 4000) String introText,
        @Size(max = 4000) String termsText,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines) {

    public record Line(
            @NotBlank @Size(max = 64) String sku,

            @NotNull @Positive @Digits(integer = 6, fraction = 3)
            BigDecimal quantity,

            boolean optional) {}
}
