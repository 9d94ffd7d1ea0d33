package io.kontor.accounting.credit;

import io.kontor.platform.events.sales.TaxTreatment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /invoices/{id}/credits}: what to credit of an issued invoice and why. Either {@code lines} (a quantity of
 * an invoice line, by its printed position) or {@code amounts} (a net amount of one of the invoice's VAT rates, e.g. a
 * price reduction), not both.
 */
public record PartialCreditRequest(
        @NotBlank @Size(max = 500) String reason,
        @Size(max = 500) List<@NotNull @Valid Line> lines,
        @Size(max = 20) List<@NotNull @Valid Amount> amounts) {

    /** {@code quantity} of the invoice line at {@code position} (1 = the first priced line, as printed). */
    public record Line(
            @NotNull @Positive Integer position,

            @NotNull @DecimalMin(value = "0.0001", message = "must be positive") @Digits(integer = 15, fraction = 4)
            BigDecimal quantity) {}

    /**
     * A net amount at {@code vatRate}; {@code taxTreatment} only where the invoice has the rate under two treatments;
     * {@code description} the line's text (the reason when left out).
     */
    public record Amount(
            @NotNull @Digits(integer = 3, fraction = 2) BigDecimal vatRate,

            @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 15, fraction = 2)
            BigDecimal netAmount,

            TaxTreatment taxTreatment,
            @Size(max = 1000) String description) {}
}
