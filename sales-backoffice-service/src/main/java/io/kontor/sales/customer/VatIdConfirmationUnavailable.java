package io.kontor.sales.customer;

import io.kontor.platform.problem.ProblemException;
import java.util.List;

/** 503: VIES or the member state's register did not answer; nothing was stored, the check can be asked again. */
public class VatIdConfirmationUnavailable extends ProblemException {

    public VatIdConfirmationUnavailable(String detail) {
        super(503, "vat-id-confirmation-unavailable", "VAT id confirmation unavailable", detail, List.of());
    }
}
