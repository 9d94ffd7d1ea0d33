package io.kontor.devinfra;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Main class of a child JVM (the Kafka broker): runs the real main class given as the first
 * argument and exits when the parent JVM is gone. The parent holds the write end of this
 * process's stdin; when the parent dies, even by kill -9 where no shutdown hook runs, the pipe
 * closes and reading stdin ends. Without this a killed test run leaves a broker behind that holds
 * 400 MB and a port on a shared machine.
 */
public final class OrphanGuard {

    private static final long HALT_AFTER_MILLIS = 20_000;

    private OrphanGuard() {
    }

    public static void main(String[] args) throws Throwable {
        Thread guard = new Thread(OrphanGuard::exitWhenParentIsGone, "orphan-guard");
        guard.setDaemon(true);
        guard.start();
        try {
            Class.forName(args[0])
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitWhenParentIsGone() {
        try {
            while (System.in.read() != -1) {
                // the parent never writes; only the end of the stream matters
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as the end of the stream
        }
        // System.exit runs the broker's own shutdown hook (a clean shutdown); halt if that hangs.
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_MILLIS);
            } catch (InterruptedException ignored) {
                // halting now is just as good
            }
            Runtime.getRuntime().halt(1);
        }, "orphan-guard-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(1);
    }
}
