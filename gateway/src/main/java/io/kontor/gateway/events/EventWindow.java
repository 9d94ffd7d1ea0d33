package io.kontor.gateway.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * The last events that passed through this gateway, and the streams listening for the next ones. A client that lost its
 * connection comes back with the id of the last event it saw (SSE's Last-Event-ID) and gets what it missed, as long as
 * that is still in the window; older gaps are told, not hidden. Bounded, so memory does not grow with time, and a
 * client that has gone holds nothing: its listener is removed when its stream ends.
 *
 * <p>The window's lock guards only the window: events are handed to the listeners outside it, each listener under its
 * own lock, so a slow stream delays neither new subscribers nor (beyond its own turn) the others. Every event gets a
 * sequence number under the lock; a listener takes only events beyond the last one it got (by replay or live), so none
 * is lost or delivered twice between a subscriber's replay and its first live event. Events come from one feed thread.
 */
public final class EventWindow {

    /** What a new listener gets told before the live events. */
    public interface Listener extends Consumer<StreamedEvent> {

        /** The event the client last saw is not in the window (too old, or seen through another gateway). */
        void gap(String lastEventId);
    }

    private record Numbered(long sequence, StreamedEvent event) {}

    /** A listener and the sequence number of the last event it got. */
    private static final class Subscription {
        private final Listener listener;
        private long seenUpTo;

        Subscription(Listener listener) {
            this.listener = listener;
        }

        synchronized void deliver(long sequence, StreamedEvent event) {
            if (sequence > seenUpTo) {
                seenUpTo = sequence;
                listener.accept(event);
            }
        }
    }

    private final int capacity;
    private final Deque<Numbered> window = new ArrayDeque<>();
    private final Set<Subscription> subscriptions = new CopyOnWriteArraySet<>();
    private long sequence;

    public EventWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window must hold at least one event, not " + capacity);
        }
        this.capacity = capacity;
    }

    public void publish(StreamedEvent event) {
        long number;
        synchronized (this) {
            number = ++sequence;
            window.addLast(new Numbered(number, event));
            if (window.size() > capacity) {
                window.removeFirst();
            }
        }
        subscriptions.forEach(subscription -> subscription.deliver(number, event));
    }

    /**
     * Replays what came after {@code lastEventId} (nothing when it is null) to {@code listener}, then adds it for the
     * live events from the sequence number it has reached, so that no event is missed or delivered twice in between.
     *
     * @return what ends the subscription
     */
    public Runnable subscribe(String lastEventId, Listener listener) {
        Subscription subscription = new Subscription(listener);
        synchronized (this) {
            synchronized (subscription) {
                if (lastEventId != null) {
                    List<Numbered> missed = after(lastEventId);
                    if (missed == null) {
                        listener.gap(lastEventId);
                    } else {
                        missed.forEach(numbered -> listener.accept(numbered.event()));
                    }
                }
                subscription.seenUpTo = sequence;
            }
            subscriptions.add(subscription);
        }
        return () -> subscriptions.remove(subscription);
    }

    public synchronized boolean holds(String eventId) {
        return window.stream().anyMatch(numbered -> numbered.event().id().equals(eventId));
    }

    public int listeners() {
        return subscriptions.size();
    }

    private List<Numbered> after(String eventId) {
        List<Numbered> missed = new ArrayList<>();
        boolean found = false;
        for (Numbered numbered : window) {
            if (found) {
                missed.add(numbered);
            } else if (numbered.event().id().equals(eventId)) {
                found = true;
            }
        }
        return found ? missed : null;
    }
}
