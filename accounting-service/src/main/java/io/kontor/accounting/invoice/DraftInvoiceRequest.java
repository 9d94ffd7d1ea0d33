package io.kontor.accounting.invoice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** {@code POST /invoices}: a manual invoice to a customer accounting knows, in the default currency. */
public record DraftInvoiceRequest(
        @NotNull UUID customerId, @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines) {

    public record Line(
            @NotBlank @Size(max = 1000) String description,

            @NotNull @Positive @Digits(integer = 15, fraction = 4)
            BigDecimal quantity,

            @Size(max = 30) String unit,

            @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4)
            BigDecimal unitPrice,

            @NotNull @GermanVatRate BigDecimal vatRate) {

        InvoiceLine toInvoiceLine() {
            return InvoiceLine.of(null, description, quantity, unit, unitPrice, BigDecimal.ZERO, vatRate);
        }
    }

    List<InvoiceLine> invoiceLines() {
        return lines.stream().map(Line::toInvoiceLine).toList();
    }
}
