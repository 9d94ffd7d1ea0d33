package io.kontor.gateway.routing;

import io.vertx.core.http.HttpMethod;
import java.util.Set;

/**
 * When the gateway may send a request to a service a second time. Only idempotent methods (RFC 9110, section 9.2.2) are
 * ever retried: repeating them has the effect of sending them once. A POST is never repeated by the gateway - creating
 * twice is the caller's decision, and the caller has Idempotency-Key for it.
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
     * The connection broke before the answer: the service may have seen the request, and a body has been streamed away.
     * Only a request without a body can be sent again as it was; bodies are not buffered for a retry, so that a 50 MB
     * upload never sits in the gateway's memory.
     */
    static boolean afterBrokenConnection(HttpMethod method, boolean hasBody) {
        return IDEMPOTENT.contains(method) && !hasBody;
    }
}
