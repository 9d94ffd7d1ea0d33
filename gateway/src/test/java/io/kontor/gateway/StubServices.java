package io.kontor.gateway;

import java.util.List;
import java.util.Map;

/** The four stand-in services behind the gateway under test, injected into fields marked {@link InjectStubServices}. */
public final class StubServices {

    private final Map<String, StubService> byDomain;

    StubServices(Map<String, StubService> byDomain) {
        this.byDomain = Map.copyOf(byDomain);
    }

    public StubService sales() {
        return of("sales");
    }

    public StubService accounting() {
        return of("accounting");
    }

    public StubService hr() {
        return of("hr");
    }

    public StubService projects() {
        return of("projects");
    }

    public StubService of(String domain) {
        StubService stub = byDomain.get(domain);
        if (stub == null) {
            throw new IllegalArgumentException("no stub for " + domain);
        }
        return stub;
    }

    public List<StubService> all() {
        return List.copyOf(byDomain.values());
    }

    /** Forgets what arrived, restores the echo answer and restarts a stopped stub. */
    public void reset() {
        byDomain.values().forEach(stub -> {
            stub.reset();
            stub.start();
        });
    }

    /** How many requests reached any stub since the last reset. */
    public int requestsReceived() {
        return byDomain.values().stream()
                .mapToInt(stub -> stub.received().size())
                .sum();
    }
}
