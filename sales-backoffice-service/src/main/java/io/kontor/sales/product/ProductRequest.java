package io.kontor.sales.product;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Body of {@code POST /products}. The VAT rate is a decimal so that 19.5 is refused, not silently cut to 19. */
public record ProductRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*", message = "may contain letters, digits and . _ / - only")
        String sku,

        @NotBlank @Size(max = 200) String name,

        @NotNull @Positive @Digits(integer = 10, fraction = 2)
        BigDecimal unitPrice,

        @NotNull @VatRate BigDecimal vatRate,
        @NotBlank @Size(max = 20) String unit) {}
