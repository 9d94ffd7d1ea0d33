package io.kontor.platform.events.privacy;

import java.util.UUID;

/**
 * Who a data-subject request is about, as the person identified themselves: any of the identifiers may be null, at
 * least one of {@code email}, {@code customerNumber}, {@code employeeId} and {@code applicationId} is not (legal
 * refuses the request otherwise). Each service looks the person up by the identifiers it knows; {@code name} alone
 * identifies nobody (two people share a name) and is only shown.
 */
public record DataSubject(String name, String email, String customerNumber, String employeeId, UUID applicationId) {

    /** The e-mail address as services compare it: case does not distinguish mailboxes in practice. */
    public String normalisedEmail() {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The employee id as a UUID (hr's employee ids are UUIDs), or null when absent or not one. */
    public UUID employeeUuid() {
        if (employeeId == null || employeeId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(employeeId.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
