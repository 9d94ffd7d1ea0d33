package io.kontor.platform.events.privacy;

import java.util.List;
import java.util.Map;

/**
 * One category of records a service holds about a person (Art. 15 (1) (b) GDPR: the categories of personal data), with
 * the records themselves as structured data (Art. 15 (3): a copy; Art. 20: in a structured, commonly used,
 * machine-readable format). {@code purpose} and {@code legalBasis} answer Art. 15 (1) (a); {@code retention} (1) (d).
 */
public record PersonalRecords(
        String category, String purpose, String legalBasis, String retention, List<Map<String, Object>> records) {}
