package io.kontor.sales.customer;

import java.time.LocalDate;

/**
 * Port: whether the member state that issued a VAT id knows it as assigned, and to whom (the EU's VIES). The format and
 * check digit say a number could exist; only this says it does, which §6a (1) Nr. 4 and UStAE 3a.2 (9) ask a seller to
 * have checked before invoicing without German VAT.
 */
public interface VatIdConfirmation {

    /**
     * Asks for {@code vatId} (normalised, with its prefix).
     *
     * @throws VatIdConfirmationUnavailable when the register cannot answer now (VIES or the member state is down)
     */
    Result confirm(String vatId);

    /**
     * VIES's answer: {@code valid}, the name and address registered (null where the member state does not disclose
     * them), the day of the check and VIES's consultation number (null unless we asked as a requester).
     */
    record Result(boolean valid, String name, String address, LocalDate requestDate, String requestIdentifier) {}
}
