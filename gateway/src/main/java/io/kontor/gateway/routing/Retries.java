package io.kontor.gateway.routing;

import io.vertx.core.http.HttpMethod;
import java.util.Set;

/**
 * When the gateway may send a request to a service a second time. Only requests whose repetition has the effect of
 * sending them once: idempotent methods (RFC 9110, section 9.2.2), and any method with an {@code Idempotency-Key},
 * which the services keep per caller and answer a repetition from. A POST without one is never repeated by the gateway
 * - creating twice is the caller's decision.
 */
final class Retries {

    private static final Set<HttpMethod> IDEMPOTENT = Set.of(
            HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE, HttpMethod.PUT, HttpMethod.DELETE);

    private Retries() {}

    /** No connection could be had: nothing of the request has left the gateway, the body is still unread. */
    static boolean afterConnectFailure(HttpMethod method) {
        return IDEMPOTENT.contains(method);
    }

    /**
     * The connection broke before the answer: the service may have seen the request. It can be sent again as it was
     * only when its body is still at hand - none, or one small enough that the gateway read it whole before sending
     * ({@code replayable}); a streamed body is gone, and a 50 MB upload is never kept in the gateway's memory.
     */
    static boolean afterBrokenConnection(HttpMethod method, boolean replayable, boolean idempotencyKey) {
        return replayable && (IDEMPOTENT.contains(method) || idempotencyKey);
    }
}
