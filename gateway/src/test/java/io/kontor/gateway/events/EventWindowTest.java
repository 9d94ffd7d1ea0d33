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

    /** Delivery runs outside the window's lock (issue #24): a listener stuck in delivery blocks no new subscriber. */
    @Test
    void a_listener_stuck_in_delivery_does_not_block_subscribing_or_reading_the_window() throws Exception {
        java.util.concurrent.CountDownLatch inDelivery = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        window.subscribe(null, new Recorder() {
            @Override
            public void accept(StreamedEvent event) {
                inDelivery.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Thread feed = new Thread(() -> publish("e1"));
        feed.start();
        assertThat(inDelivery.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        java.util.concurrent.CompletableFuture<Boolean> subscribed =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    window.subscribe("e1", new Recorder());
                    return window.holds("e1");
                });

        try {
            assertThat(subscribed.get(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            feed.join();
        }
    }

    @Test
    void an_event_published_while_a_client_subscribes_reaches_it_exactly_once() throws Exception {
        for (int round = 0; round < 200; round++) {
            EventWindow racing = new EventWindow(1000);
            racing.publish(event("start"));
            Recorder client = new Recorder();
            Thread feed = new Thread(() -> {
                for (int i = 0; i < 20; i++) {
                    racing.publish(event("e" + i));
                }
            });
            feed.start();
            racing.subscribe("start", client);
            feed.join();

            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add("e" + i);
            }
            assertThat(client.ids).as("round %d", round).containsExactlyElementsOf(expected);
        }
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

    private static StreamedEvent event(String id) {
        return new StreamedEvent(id, "kontor.sales.offer-sent.v1", "/kontor/sales", "o1", null, "{}");
    }

    private static class Recorder implements EventWindow.Listener {
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
