package io.kontor.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * The caller's body as it streams to the service, counted: past {@code maxBytes} it stops passing data on, tells
 * {@code onTooLarge}, and fails the stream so that the proxy resets the half-sent request at the service. For chunked
 * uploads, whose size no header announces. Back-pressure calls go straight to the caller's request.
 */
final class SizeLimitedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final long maxBytes;
    private final Runnable onTooLarge;
    private long seen;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    SizeLimitedBody(ReadStream<Buffer> source, long maxBytes, Runnable onTooLarge) {
        this.source = source;
        this.maxBytes = maxBytes;
        this.onTooLarge = onTooLarge;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(buffer -> {
            if (exceeded) {
                return;
            }
            seen += buffer.length();
            if (seen <= maxBytes) {
                handler.handle(buffer);
                return;
            }
            exceeded = true;
            onTooLarge.run();
            Handler<Throwable> failed = exceptionHandler;
            if (failed != null) {
                failed.handle(new IllegalStateException("request body larger than " + maxBytes + " bytes"));
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(ended -> {
            if (!exceeded && endHandler != null) {
                endHandler.handle(ended);
            }
        });
        return this;
    }
}
