package io.kontor.accounting.payment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code POST /payments}: money received for an invoice, named by its number or by a reference (a remittance text) that
 * contains the number. Amounts have cents at most: a bank books no fractions of a cent.
 */
public record PaymentRequest(
        @Pattern(regexp = "RE-\\d{4}-\\d{6}", message = "must be an invoice number RE-<year>-<6 digits>")
        String invoiceNumber,

        @Size(max = 500) String reference,

        @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 15, fraction = 2)
        BigDecimal amount,

        @NotNull LocalDate valueDate,
        @Size(max = 300) String payerName) {}
