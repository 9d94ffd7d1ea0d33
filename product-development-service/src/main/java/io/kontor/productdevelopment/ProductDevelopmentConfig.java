package io.kontor.productdevelopment;

import io.smallrye.config.ConfigMapping;

/** Product development's own settings; values and their env-var overrides in application.properties. */
@ConfigMapping(prefix = "kontor.product-development")
public interface ProductDevelopmentConfig {

    /** Requirement numbers are this prefix, a dash and six digits (REQ-000001). */
    String requirementPrefix();

    /** Named as the author of requirements filed from accepted offers. */
    String intakeAuthor();
}
