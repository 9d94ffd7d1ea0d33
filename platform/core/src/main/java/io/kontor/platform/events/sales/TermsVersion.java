package io.kontor.platform.events.sales;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The version of the AGB an offer was sent and accepted under, as legal published it ({@code legal.documents}): enough
 * to name it on an offer or invoice and to prove later which wording the customer accepted (§305 (2) BGB).
 */
public record TermsVersion(
        UUID documentId, String language, int version, String title, LocalDate effectiveFrom, String sha256) {}
