package io.kontor.legal.privacy;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/** Settings of the data-subject request fan-out. */
@ConfigMapping(prefix = "kontor.legal.privacy")
public interface PrivacyConfig {

    /**
     * The services that hold personal data and must answer every request (each implements the platform's
     * PersonalDataHolder): a request is complete when all of them answered; one missing at the deadline is named.
     */
    List<String> answeringServices();
}
