package io.kontor.gateway.routing;

import io.vertx.core.buffer.Buffer;

/** What a service answered to a request the gateway made itself (for a composite view): status and whole body. */
public record ServiceAnswer(int status, Buffer body) {}
