package io.kontor.platform.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Honours the {@code Idempotency-Key} header on a creating POST that returns a {@link jakarta.ws.rs.core.Response}: the
 * same caller sending the same key and body again within the retention window gets the first answer back (marked
 * {@code Idempotent-Replayed: true}) instead of a second resource; the same key with another body is a 422. The key is
 * stored in the transaction that creates the resource, so a failed request leaves the key unused.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface IdempotentCreate {}
