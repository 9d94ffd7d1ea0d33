package io.kontor.legal.cases;

/** Costs of a matter: court fees (GKG), lawyers' fees (RVG), a collection agency's fees, others. */
public enum CostKind {
    COURT_FEE,
    LAWYER_FEE,
    COLLECTION_FEE,
    OTHER
}
