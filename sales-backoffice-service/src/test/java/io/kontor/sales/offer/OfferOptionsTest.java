package io.kontor.sales.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kontor.platform.problem.InvalidFieldProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OfferOptionsTest {

    /** Line 1: 100.00 at 19 %; line 2 (optional): 50.00 at 7 %; line 3 (optional): 10.00 at 19 %. */
    static Stream<Arguments> choices() {
        return Stream.of(
                arguments(Set.of(), "100.00", "19.00", "119.00"),
                arguments(Set.of(2), "150.00", "22.50", "172.50"),
                arguments(Set.of(3), "110.00", "20.90", "130.90"),
                arguments(Set.of(2, 3), "160.00", "24.40", "184.40"));
    }

    @ParameterizedTest(name = "choosing {0} gives {1} net, {2} VAT, {3} gross")
    @MethodSource("choices")
    void optional_lines_count_in_the_totals_only_once_chosen(
            Set<Integer> chosen, String net, String vat, String gross) {
        Offer offer = offerWithOptions();

        offer.choose(chosen);

        assertThat(offer.netTotal).isEqualTo(new BigDecimal(net));
        assertThat(offer.vatTotal).isEqualTo(new BigDecimal(vat));
        assertThat(offer.grossTotal).isEqualTo(new BigDecimal(gross));
    }

    @Test
    void before_any_choice_the_options_are_left_out() {
        assertThat(offerWithOptions().grossTotal).isEqualTo(new BigDecimal("119.00"));
    }

    @Test
    void only_optional_lines_can_be_chosen() {
        Offer offer = offerWithOptions();

        assertThatThrownBy(() -> offer.choose(Set.of(1)))
                .isInstanceOf(InvalidFieldProblem.class)
                .hasMessageContaining("not optional");
        assertThatThrownBy(() -> offer.choose(Set.of(4)))
                .isInstanceOf(InvalidFieldProblem.class)
                .hasMessageContaining("no line 4");
    }

    private static Offer offerWithOptions() {
        Offer offer = new Offer();
        offer.offerNumber = "AN-2026-000001";
        offer.price(List.of(line("100.00", 19, false), line("50.00", 7, true), line("10.00", 19, true)));
        return offer;
    }

    private static OfferLineItem line(String net, int vatRate, boolean optional) {
        OfferLineItem line = new OfferLineItem();
        line.netAmount = new BigDecimal(net);
        line.vatRate = vatRate;
        line.optional = optional;
        return line;
    }
}
