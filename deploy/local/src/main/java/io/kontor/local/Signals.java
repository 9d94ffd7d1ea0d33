package io.kontor.local;

/**
 * Ctrl-C (SIGINT) and SIGTERM handled by the launcher itself rather than by the JVM's shutdown: shutdown hooks all run
 * at once, so dev-infra's own hooks would kill Kafka and PostgreSQL while the services still stop. Handling the signal
 * lets the launcher stop the gateway, the services, Kafka and PostgreSQL in that order, and exit afterwards.
 */
final class Signals {

    private Signals() {}

    /**
     * Runs {@code handler} on each of the named signals; false when this JVM offers no signal API (sun.misc,
     * jdk.unsupported).
     */
    static boolean handle(Runnable handler, String... names) {
        try {
            for (String name : names) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> handler.run());
            }
            return true;
        } catch (LinkageError | IllegalArgumentException e) {
            return false;
        }
    }
}
