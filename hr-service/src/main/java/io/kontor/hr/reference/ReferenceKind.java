package io.kontor.hr.reference;

/** Zwischenzeugnis (interim, while employed) or Arbeitszeugnis (final, on leaving; §109 GewO). */
public enum ReferenceKind {
    INTERIM,
    FINAL
}
