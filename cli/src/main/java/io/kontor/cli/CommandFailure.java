package io.kontor.cli;

/**
 * A command that could not do its work, with the exit code a script can test and a one-line message for a person. The
 * codes: 1 the call itself was wrong (usage, a missing file, no gateway configured), 2 the gateway refused it (4xx), 3
 * the platform failed or could not be reached (5xx, connection refused, timeout).
 */
public final class CommandFailure extends RuntimeException {

    public static final int USAGE = 1;
    public static final int REFUSED = 2;
    public static final int UNAVAILABLE = 3;
    /** The call succeeded and found something wrong (a broken audit chain): scripts must not go on. */
    public static final int FINDING = 4;

    private final int exitCode;

    private CommandFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static CommandFailure usage(String message) {
        return new CommandFailure(USAGE, message, null);
    }

    public static CommandFailure usage(String message, Throwable cause) {
        return new CommandFailure(USAGE, message, cause);
    }

    /** The gateway answered with {@code status}: 4xx is the caller's to fix, anything else the platform's. */
    public static CommandFailure answered(int status, String message) {
        return new CommandFailure(status >= 400 && status < 500 ? REFUSED : UNAVAILABLE, message, null);
    }

    public static CommandFailure unavailable(String message, Throwable cause) {
        return new CommandFailure(UNAVAILABLE, message, cause);
    }

    public static CommandFailure finding(String message) {
        return new CommandFailure(FINDING, message, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
