package io.kontor.sales.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The VIES adapter against a fake server that speaks VIES's REST protocol. */
class ViesVatIdConfirmationTest {

    private FakeVies vies;

    @BeforeEach
    void start() throws Exception {
        vies = new FakeVies().register("ATU13585627", "Wiener Werkstätten GmbH").memberStateDown("IT");
    }

    @AfterEach
    void stop() {
        vies.close();
    }

    @Test
    void an_assigned_vat_id_is_confirmed_with_its_holder_and_the_consultation_number() {
        VatIdConfirmation.Result result = adapter(Optional.of("DE811907980")).confirm("ATU 1358 5627");

        assertThat(result.valid()).isTrue();
        assertThat(result.name()).isEqualTo("Wiener Werkstätten GmbH");
        assertThat(result.address()).isEqualTo("Hauptstraße 1\n1010 Wien");
        assertThat(result.requestDate()).isEqualTo(LocalDate.parse("2030-06-15"));
        assertThat(result.requestIdentifier()).isEqualTo("WAPIAAAAXYZ123");
        assertThat(vies.requests)
                .singleElement()
                .satisfies(request -> assertThat(request)
                        .startsWith("POST ")
                        .contains("\"countryCode\":\"AT\"")
                        .contains("\"vatNumber\":\"U13585627\"")
                        .contains("\"requesterMemberStateCode\":\"DE\"")
                        .contains("\"requesterNumber\":\"811907980\""));
    }

    @Test
    void an_unknown_vat_id_is_not_valid_and_undisclosed_fields_are_empty() {
        VatIdConfirmation.Result result = adapter(Optional.empty()).confirm("ATU10223006");

        assertThat(result.valid()).isFalse();
        assertThat(result.name()).isNull();
        assertThat(result.address()).isNull();
        assertThat(result.requestIdentifier()).isNull();
    }

    @Test
    void a_member_state_that_does_not_answer_is_unavailable_not_invalid() {
        assertThatThrownBy(() -> adapter(Optional.empty()).confirm("IT00743110157"))
                .isInstanceOf(VatIdConfirmationUnavailable.class)
                .hasMessageContaining("MS_UNAVAILABLE");
    }

    @Test
    void vies_out_of_reach_is_unavailable() {
        ViesVatIdConfirmation nowhere = new ViesVatIdConfirmation(
                URI.create("http://127.0.0.1:1/vies"), Duration.ofSeconds(2), Optional.empty(), new ObjectMapper());

        assertThatThrownBy(() -> nowhere.confirm("ATU13585627")).isInstanceOf(VatIdConfirmationUnavailable.class);
    }

    private ViesVatIdConfirmation adapter(Optional<String> requester) {
        return new ViesVatIdConfirmation(vies.baseUrl(), Duration.ofSeconds(5), requester, new ObjectMapper());
    }
}
