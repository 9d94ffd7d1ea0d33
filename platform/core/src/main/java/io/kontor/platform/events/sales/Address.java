package io.kontor.platform.events.sales;

/** A postal address; country is the ISO 3166-1 alpha-2 code. */
public record Address(String street, String postalCode, String city, String country) {}
