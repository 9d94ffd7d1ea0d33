package io.kontor.local;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Main class of every application JVM the launcher starts: runs the real main class (the first argument) and ends the
 * application when the launcher is gone. The launcher holds the write end of this process's stdin; when it dies, even
 * by kill -9 where no shutdown hook runs, the pipe closes and reading stdin ends. Without this a killed launcher or test
 * run leaves five JVMs behind that hold ports and over a gigabyte on a shared machine.
 * <p>
 * The launcher copies this one class file into the data folder and puts only that folder next to {@code quarkus-run.jar}
 * on the class path, so none of the launcher's own libraries reach an application. Hence: no nested or anonymous classes
 * here (they would be separate class files), and nothing but the JDK.
 */
public final class ParentWatch {

    private static final long HALT_AFTER_MILLIS = 30_000;

    private ParentWatch() {
    }

    public static void main(String[] args) throws Throwable {
        Thread watch = new Thread(ParentWatch::exitWhenParentIsGone, "kontor-parent-watch");
        watch.setDaemon(true);
        watch.start();
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
                // the launcher never writes; only the end of the stream matters
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as the end of the stream
        }
        // System.exit runs the application's shutdown hook (a graceful Quarkus stop); halt if that hangs.
        Thread halt = new Thread(ParentWatch::haltLater, "kontor-parent-watch-halt");
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
