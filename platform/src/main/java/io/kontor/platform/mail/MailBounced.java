package io.kontor.platform.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * A CDI event, fired after a delivery was recorded BOUNCED: a service whose document's receipt matters (a dunning
 * notice, §286 BGB) observes it to show that the document did not arrive.
 */
public record MailBounced(
        UUID deliveryId, String documentType, String documentId, String status, String diagnostic, Instant bouncedAt) {}
