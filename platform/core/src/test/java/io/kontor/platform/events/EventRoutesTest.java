package io.kontor.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kontor.platform.events.sales.OfferExpired;
import io.kontor.platform.events.sales.OfferRejected;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    /** A handler as services write them: one typed method per event type it cares about. */
    static final class Recorder {
        final List<String> calls = new ArrayList<>();

        void rejected(OfferRejected rejected, EventMeta meta) {
            calls.add("rejected " + rejected.reason() + " " + meta.id() + " " + meta.offset());
        }

        void expired(OfferExpired expired, EventMeta meta) {
            calls.add("expired " + expired.validUntil());
        }
    }

    private static final EventRoutes<Recorder> ROUTES = EventRoutes.of(Recorder.class)
            .on(OfferRejected.class, Recorder::rejected)
            .on(OfferExpired.class, Recorder::expired);

    @Test
    void each_event_reaches_the_method_of_its_type_decoded_with_its_metadata() {
        Recorder recorder = new Recorder();
        UUID offer = UUID.randomUUID();

        boolean handled = ROUTES.dispatch(
                recorder,
                event(
                        OfferRejected.TYPE,
                        "e-1",
                        7,
                        "{\"offerId\":\"" + offer + "\",\"offerNumber\":\"A-1\",\"customerId\":null,\"reason\":\"too"
                                + " dear\"}"));
        ROUTES.dispatch(
                recorder,
                event(
                        OfferExpired.TYPE,
                        "e-2",
                        8,
                        "{\"offerId\":\"" + offer + "\",\"offerNumber\":\"A-1\",\"customerId\":null,"
                                + "\"validUntil\":\"2026-12-31\"}"));

        assertThat(handled).isTrue();
        assertThat(recorder.calls).containsExactly("rejected too dear e-1 7", "expired " + LocalDate.of(2026, 12, 31));
    }

    @Test
    void an_event_of_a_type_without_a_route_is_skipped() {
        Recorder recorder = new Recorder();

        boolean handled = ROUTES.dispatch(recorder, event("kontor.sales.offer-sent.v1", "e-3", 9, "{}"));

        assertThat(handled).isFalse();
        assertThat(recorder.calls).isEmpty();
    }

    @Test
    void data_that_does_not_fit_its_type_throws_so_that_the_inbox_retries_and_parks_it() {
        Recorder recorder = new Recorder();

        assertThatThrownBy(() -> ROUTES.dispatch(
                        recorder, event(OfferExpired.TYPE, "e-4", 10, "{\"validUntil\":\"not a date\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e-4");
        assertThat(recorder.calls).isEmpty();
    }

    @Test
    void routing_one_type_twice_is_refused_when_the_routes_are_built() {
        assertThatThrownBy(() -> ROUTES.on(OfferRejected.class, Recorder::rejected))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(OfferRejected.TYPE);
        assertThat(ROUTES.types()).containsExactlyInAnyOrder(OfferRejected.TYPE, OfferExpired.TYPE);
    }

    private static IncomingEvent event(String type, String id, long offset, String data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        return IncomingEvent.of("sales.offers", 0, offset, "k", headers, data.getBytes(StandardCharsets.UTF_8), JSON);
    }
}
