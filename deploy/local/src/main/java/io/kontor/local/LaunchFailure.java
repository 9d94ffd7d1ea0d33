package io.kontor.local;

/** The platform could not be started; the message says what to do (and shows the log tail of a failed process). */
public class LaunchFailure extends RuntimeException {

    public LaunchFailure(String message) {
        super(message);
    }

    public LaunchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
