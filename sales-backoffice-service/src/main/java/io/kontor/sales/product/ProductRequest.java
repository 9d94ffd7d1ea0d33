package io.kontor.sales.product;

import io.kontor.platform.events.sales.SupplyKind;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * Body of {@code POST /products}. The VAT rate is a decimal so that 19.5 is refused, not silently cut to 19; it is the
 * German rate, charged only where the sale is taxed in Germany. {@code kind} is GOODS or SERVICE (default).
 */
public record ProductRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*", message = "may contain letters, digits and . _ / - only")
        String sku,

        @NotBlank @Size(max = 200) String name,

        @NotNull @Positive @Digits(integer = 10, fraction = 2)
        BigDecimal unitPrice,

        @NotNull @VatRate BigDecimal vatRate,
        @NotBlank @Size(max = 20) String unit,
        SupplyKind kind) {

    /** A product that does not say is a service, which is what the catalogue sold before goods existed. */
    public SupplyKind kindOrDefault() {
        return kind == null ? SupplyKind.SERVICE : kind;
    }
}
