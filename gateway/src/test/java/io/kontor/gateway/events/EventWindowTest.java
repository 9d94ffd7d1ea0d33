package io.kontor.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventWindowTest {

    private final EventWindow window = new EventWindow(3);

    @Test
    void a_client_coming_back_gets_the_events_after_the_one_it_saw_then_the_live_ones() {
        publish("e1", "e2", "e3");
        Recorder client = new Recorder();

        window.subscribe("e1", client);
        publish("e4");

        assertThat(client.ids).containsExactly("e2", "e3", "e4");
        assertThat(client.gaps).isEmpty();
    }

    @Test
    void a_new_client_gets_only_live_events() {
        publish("e1");
        Recorder client = new Recorder();

        window.subscribe(null, client);
        publish("e2");

        assertThat(client.ids).containsExactly("e2");
    }

    @Test
    void an_event_that_fell_out_of_the_window_is_told_as_a_gap() {
        publish("e1", "e2", "e3", "e4");
        Recorder client = new Recorder();

        window.subscribe("e1", client);

        assertThat(client.gaps).containsExactly("e1");
        assertThat(client.ids).isEmpty();
        assertThat(window.holds("e1")).isFalse();
        assertThat(window.holds("e4")).isTrue();
    }

    @Test
    void an_ended_subscription_receives_nothing_and_is_not_kept() {
        Recorder client = new Recorder();
        Runnable unsubscribe = window.subscribe(null, client);

        unsubscribe.run();
        publish("e1");

        assertThat(client.ids).isEmpty();
        assertThat(window.listeners()).isZero();
    }

    private void publish(String... ids) {
        for (String id : ids) {
            window.publish(new StreamedEvent(id, "kontor.sales.offer-sent.v1", "/kontor/sales", "o1", null, "{}"));
        }
    }

    private static final class Recorder implements EventWindow.Listener {
        final List<String> ids = new ArrayList<>();
        final List<String> gaps = new ArrayList<>();

        @Override
        public void accept(StreamedEvent event) {
            ids.add(event.id());
        }

        @Override
        public void gap(String lastEventId) {
            gaps.add(lastEventId);
        }
    }
}
