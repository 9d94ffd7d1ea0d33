package io.kontor.legal.cases;

public enum CaseStatus {
    OPEN,
    CLOSED
}
