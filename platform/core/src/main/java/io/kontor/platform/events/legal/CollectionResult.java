package io.kontor.platform.events.legal;

/**
 * How a collection case ended: the debtor paid everything, part of it (the rest is lost), or nothing that could be
 * recovered.
 */
public enum CollectionResult {
    PAID,
    PARTIALLY_PAID,
    WRITTEN_OFF
}
