package io.kontor.hr.personnel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A postal address; {@code country} is ISO 3166-1 alpha-2. */
public record PostalAddress(
        @NotBlank @Size(max = 200) String street,
        @NotBlank @Size(max = 20) String postalCode,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Pattern(regexp = "[A-Z]{2}") String country) {

    /** One line, as a contract names a party: "Hafenstraße 7, 20459 Hamburg" (the country only when not Germany). */
    public String oneLine() {
        return street + ", " + postalCode + " " + city + ("DE".equals(country) ? "" : ", " + country);
    }
}
