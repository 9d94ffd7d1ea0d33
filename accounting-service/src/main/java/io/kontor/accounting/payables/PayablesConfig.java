package io.kontor.accounting.payables;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** Accounts payable's settings, {@code kontor.accounting.payables.*}. */
@ConfigMapping(prefix = "kontor.accounting.payables")
public interface PayablesConfig {

    /**
     * An invoice whose amount due is above this needs a second person's approval: not the one who recorded it (four
     * eyes, an internal control GoBD Rz. 100 ff. expects of a payment process).
     */
    @WithDefault("1000.00")
    BigDecimal secondApprovalAbove();

    /** Largest file accepted for intake, in bytes. */
    @WithDefault("10485760")
    int maxFileBytes();
}
