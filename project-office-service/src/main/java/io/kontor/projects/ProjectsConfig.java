package io.kontor.projects;

import io.smallrye.config.ConfigMapping;

/** The project office's own settings; values and their env-var overrides in application.properties. */
@ConfigMapping(prefix = "kontor.projects")
public interface ProjectsConfig {

    /** Manager of a project opened from an accepted offer until someone is assigned. */
    String defaultManagerEmail();

    /** Currency of milestone amounts of a project opened by hand (ISO 4217). */
    String defaultCurrency();

    /** A risk whose score (probability × impact) reaches this is escalated; see EscalationRule. */
    int riskEscalationThreshold();
}
