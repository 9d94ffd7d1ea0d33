package io.kontor.legal.cases;

/** Who a party is in a matter: the company itself, the other side, the court, counsel, a collection agency. */
public enum PartyRole {
    CLIENT,
    OPPONENT,
    COURT,
    COUNSEL,
    COLLECTOR,
    OTHER
}
