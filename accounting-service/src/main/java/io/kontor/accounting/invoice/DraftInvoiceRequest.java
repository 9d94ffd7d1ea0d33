package io.kontor.accounting.invoice;

import io.kontor.platform.events.sales.SupplyKind;
import io.kontor.platform.events.sales.TaxTreatment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /invoices}: a manual invoice to a customer accounting knows, in the default currency. {@code serviceFrom}
 * (and {@code serviceUntil} for a period) is the date of the service (§14 (4) Nr. 6 UStG), the issue date when left
 * out; {@code purchaseOrderReference} the customer's order number (BT-13). {@code skontoPercent} and {@code skontoDays}
 * (both or neither) agree Skonto for payment within that many days of the issue date; neither gives the configured
 * default ({@link SkontoConfig}), a percent of 0 none.
 */
public record DraftInvoiceRequest(
        @NotNull UUID customerId,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines,
        @Size(max = 200) String purchaseOrderReference,
        LocalDate serviceFrom,
        LocalDate serviceUntil,
        BigDecimal skontoPercent,
        Integer skontoDays) {

    public DraftInvoiceRequest(
            UUID customerId,
            List<Line> lines,
            String purchaseOrderReference,
            LocalDate serviceFrom,
            LocalDate serviceUntil) {
        this(customerId, lines, purchaseOrderReference, serviceFrom, serviceUntil, null, null);
    }

    /**
     * {@code vatRate} is the German rate, charged where the line is taxed in Germany; {@code kind} (GOODS or SERVICE,
     * default SERVICE) decides the treatment abroad; {@code taxTreatment} overrides it and needs a {@code taxReason}.
     */
    public record Line(
            @NotBlank @Size(max = 1000) String description,

            @NotNull @Positive @Digits(integer = 15, fraction = 4)
            BigDecimal quantity,

            @Size(max = 30) String unit,

            @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4)
            BigDecimal unitPrice,

            @NotNull @GermanVatRate BigDecimal vatRate,
            SupplyKind kind,
            TaxTreatment taxTreatment,
            @Size(max = 500) String taxReason) {

        String reason() {
            return taxReason == null || taxReason.isBlank() ? null : taxReason.strip();
        }
    }
}
