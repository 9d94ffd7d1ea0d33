package io.kontor.hr.contract;

public enum ContractType {
    PERMANENT,
    FIXED_TERM
}
