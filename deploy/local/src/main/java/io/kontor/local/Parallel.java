package io.kontor.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Starting parts side by side, and waiting for all of them. */
final class Parallel {

    private Parallel() {}

    // Waits for all; the first failure is thrown with the others attached, after every task has ended.
    static void awaitAll(List<CompletableFuture<Void>> tasks) {
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Void> task : tasks) {
            try {
                task.get();
            } catch (ExecutionException e) {
                failures.add(
                        e.getCause() instanceof CompletionException c && c.getCause() != null
                                ? c.getCause()
                                : e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(new LaunchFailure("Interrupted while starting"));
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        Throwable first = failures.get(0);
        RuntimeException thrown = first instanceof LaunchFailure launch
                ? launch
                : new LaunchFailure(first.getClass().getSimpleName() + ": " + first.getMessage(), first);
        failures.stream().skip(1).forEach(thrown::addSuppressed);
        throw thrown;
    }

    static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
