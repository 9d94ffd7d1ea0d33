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
 */
public final class EventWindow {

    /** What a new listener gets told before the live events. */
    public interface Listener extends Consumer<StreamedEvent> {

        /** The event the client last saw is not in the window (too old, or seen through another gateway). */
        void gap(String lastEventId);
    }

    private final int capacity;
    private final Deque<StreamedEvent> window = new ArrayDeque<>();
    private final Set<Listener> listeners = new CopyOnWriteArraySet<>();

    public EventWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window must hold at least one event, not " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void publish(StreamedEvent event) {
        window.addLast(event);
        if (window.size() > capacity) {
            window.removeFirst();
        }
        listeners.forEach(listener -> listener.accept(event));
    }

    /**
     * Replays what came after {@code lastEventId} (nothing when it is null) to {@code listener}, then adds it for the
     * live events - under the same lock as {@link #publish}, so that no event is missed or delivered twice in between.
     *
     * @return what ends the subscription
     */
    public synchronized Runnable subscribe(String lastEventId, Listener listener) {
        if (lastEventId != null) {
            List<StreamedEvent> missed = after(lastEventId);
            if (missed == null) {
                listener.gap(lastEventId);
            } else {
                missed.forEach(listener);
            }
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public synchronized boolean holds(String eventId) {
        return window.stream().anyMatch(event -> event.id().equals(eventId));
    }

    public int listeners() {
        return listeners.size();
    }

    private List<StreamedEvent> after(String eventId) {
        List<StreamedEvent> missed = new ArrayList<>();
        boolean found = false;
        for (StreamedEvent event : window) {
            if (found) {
                missed.add(event);
            } else if (event.id().equals(eventId)) {
                found = true;
            }
        }
        return found ? missed : null;
    }
}
