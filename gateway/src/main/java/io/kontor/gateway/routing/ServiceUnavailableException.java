package io.kontor.gateway.routing;

/** A service could not be asked: breaker open, no connection, no answer in time, or the connection broke. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
