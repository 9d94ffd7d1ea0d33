package io.kontor.platform.inbox;

/**
 * How {@link InboxInterceptor} treats the call it intercepts on this thread. Without a mode (a record of an
 * {@code @Incoming} method, a replayed dead letter) the interceptor gives each attempt its own transaction, as always.
 * {@link InboxBatches} sets one of the others while it calls a handler.
 */
sealed interface InboxMode {

    ThreadLocal<InboxMode> CURRENT = new ThreadLocal<>();

    /**
     * Inside the poll's transaction: the batch has recorded the inbox row; the handler just runs, failures propagate.
     */
    record InBatch() implements InboxMode {}

    /** Alone, after the batch already tried it {@code attemptsUsed} times (its last failure given). */
    record Alone(int attemptsUsed, Exception lastFailure) implements InboxMode {}
}
