package io.kontor.platform.approval;

import java.math.BigDecimal;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Which acts need a second person, from configuration: {@code kontor.approvals.<act>.role} names the role that approves
 * (an act without it needs nobody), {@code kontor.approvals.<act>.above} an optional threshold: then only an act whose
 * measure (a gross total, a discount in percent) is above it needs approval.
 * {@code kontor.approvals.<act>.enabled=false} switches a policy off (environment
 * {@code KONTOR_APPROVALS__<ACT>__ENABLED}).
 */
public record ApprovalPolicy(String act, String role, BigDecimal above, boolean enabled) {

    static ApprovalPolicy of(Config config, String act) {
        String prefix = "kontor.approvals.\"" + act + "\".";
        String plain = "kontor.approvals." + act + ".";
        Optional<String> role = value(config, prefix, plain, "role", String.class);
        Optional<BigDecimal> above = value(config, prefix, plain, "above", BigDecimal.class);
        boolean enabled = value(config, prefix, plain, "enabled", Boolean.class).orElse(true);
        return new ApprovalPolicy(act, role.orElse(null), above.orElse(null), enabled && role.isPresent());
    }

    private static <T> Optional<T> value(Config config, String quoted, String plain, String key, Class<T> type) {
        Optional<T> value = config.getOptionalValue(plain + key, type);
        return value.isPresent() ? value : config.getOptionalValue(quoted + key, type);
    }

    /** Whether an act of this measure needs a second person. */
    public boolean needed(BigDecimal measure) {
        if (!enabled) {
            return false;
        }
        return above == null || (measure != null && measure.compareTo(above) > 0);
    }
}
