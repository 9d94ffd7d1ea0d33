package io.kontor.platform.events.sales;

/**
 * What a line of an offer is. PRODUCT: a catalogue item (SKU). FREE: a line staff wrote for this offer, with its own
 * description, quantity, unit, price and VAT. TEXT: a heading or note between the lines, with no quantity and no
 * amount; it counts in no total and an e-invoice leaves it out (EN 16931 has no text lines: every BG-25 carries an
 * amount).
 */
public enum OfferLineKind {
    PRODUCT,
    FREE,
    TEXT;

    /** Events from before the kind existed carry none: their lines are catalogue items. */
    public static OfferLineKind orProduct(OfferLineKind kind) {
        return kind == null ? PRODUCT : kind;
    }
}
