package io.kontor.hr.privacy;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Restricts and erases former employees' files by themselves once their periods have passed (EmployeeRetention). */
@ApplicationScoped
public class FormerEmployeeRetention {

    @Inject
    EmployeeErasure erasure;

    @Scheduled(
            identity = "former-employee-erasure",
            every = "${kontor.hr.privacy.erasure-every}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        erasure.applyRetention();
    }
}
