package io.kontor.devinfra;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Main class of every child JVM that tests and the local launcher start (the Kafka broker, the applications): runs the
 * real main class given as the first argument and exits when the parent JVM is gone. The parent holds the write end of
 * this process's stdin; when the parent dies, even by kill -9 where no shutdown hook runs, the pipe closes and reading
 * stdin ends. Without this a killed test run or launcher leaves JVMs behind that hold ports and gigabytes on a shared
 * machine.
 *
 * <p>The launcher packs this one class file into a jar after an application's {@code quarkus-run.jar}, so none of its
 * own libraries reach the application. Hence: no nested or anonymous classes here (they would be separate class files;
 * lambdas and method references are not), and nothing but the JDK.
 */
public final class OrphanGuard {

    /** Long enough for a graceful Quarkus or Kafka shutdown, short enough not to linger. */
    private static final long HALT_AFTER_MILLIS = 30_000;

    private OrphanGuard() {}

    public static void main(String[] args) throws Throwable {
        Thread guard = new Thread(OrphanGuard::exitWhenParentIsGone, "orphan-guard");
        guard.setDaemon(true);
        guard.start();
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object)
                    Arrays.copyOfRange(args, 1, args.length));
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
        // System.exit runs the child's own shutdown hook (a clean shutdown); halt if that hangs.
        Thread halt = new Thread(OrphanGuard::haltLater, "orphan-guard-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(1);
    }

    private static void haltLater() {
        try {
            Thread.sleep(HALT_AFTER_MILLIS);
        } catch (InterruptedException ignored) {
            // halting now is just as good
        }
        Runtime.getRuntime().halt(1);
    }
}
