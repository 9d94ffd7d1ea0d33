package io.kontor.sales.tax;

import static io.kontor.platform.events.sales.CustomerType.BUSINESS;
import static io.kontor.platform.events.sales.CustomerType.CONSUMER;
import static io.kontor.platform.events.sales.SupplyKind.GOODS;
import static io.kontor.platform.events.sales.SupplyKind.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kontor.platform.events.sales.CustomerType;
import io.kontor.platform.events.sales.SupplyKind;
import io.kontor.platform.events.sales.TaxTreatment;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The treatment a line gets when nobody sets one: the seller is in Germany. */
class TaxTreatmentRulesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // §1 (1) Nr. 1 UStG: a sale in Germany is taxed in Germany.
                arguments(BUSINESS, "DE", "DE811907980", GOODS, TaxTreatment.DOMESTIC),
                arguments(CONSUMER, "DE", null, SERVICE, TaxTreatment.DOMESTIC),
                // §4 Nr. 1b, §6a UStG: goods to a business in another member state with a VAT id are exempt.
                arguments(BUSINESS, "AT", "ATU13585627", GOODS, TaxTreatment.INTRA_EU_SUPPLY),
                // §6a (1) Nr. 4 UStG: without the customer's VAT id there is no exemption.
                arguments(BUSINESS, "AT", null, GOODS, TaxTreatment.DOMESTIC),
                // §3a (2) UStG: a service to a business is taxed where the business is; reverse charge there.
                arguments(BUSINESS, "FR", "FR40303265045", SERVICE, TaxTreatment.EU_B2B_SERVICE),
                // §3a (1) UStG: EU consumers pay German VAT (OSS out of scope).
                arguments(CONSUMER, "FR", null, SERVICE, TaxTreatment.DOMESTIC),
                arguments(CONSUMER, "IT", null, GOODS, TaxTreatment.DOMESTIC),
                // §4 Nr. 1a, §6 UStG: goods leaving the EU are exempt, to businesses and consumers alike.
                arguments(BUSINESS, "CH", null, GOODS, TaxTreatment.EXPORT),
                arguments(CONSUMER, "US", null, GOODS, TaxTreatment.EXPORT),
                // §3a (2) UStG: a service to a business outside the EU is not taxable in Germany.
                arguments(BUSINESS, "CH", null, SERVICE, TaxTreatment.NOT_TAXABLE_IN_DE),
                // §3a (1) UStG: a service to a consumer outside the EU stays German (the §3a (4) catalogue is an
                // override).
                arguments(CONSUMER, "US", null, SERVICE, TaxTreatment.DOMESTIC),
                // Greece bills with GR, its VAT ids start with EL.
                arguments(BUSINESS, "GR", "EL094259216", GOODS, TaxTreatment.INTRA_EU_SUPPLY));
    }

    @ParameterizedTest(name = "{0} in {1} (VAT id {2}) buying {3}: {4}")
    @MethodSource("cases")
    void the_law_decides_the_treatment(
            CustomerType type, String country, String vatId, SupplyKind kind, TaxTreatment expected) {
        assertThat(TaxTreatment.derive(type, country, vatId, kind, false)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "§19 UStG: a small business shows no VAT, also to {0} in {1}")
    @MethodSource("cases")
    void a_small_business_shows_no_vat_to_anyone(
            CustomerType type, String country, String vatId, SupplyKind kind, TaxTreatment ignored) {
        assertThat(TaxTreatment.derive(type, country, vatId, kind, true)).isEqualTo(TaxTreatment.SMALL_BUSINESS_19);
    }
}
