package io.kontor.projects.risk;

public enum RiskStatus {
    OPEN,
    MITIGATED,
    CLOSED
}
