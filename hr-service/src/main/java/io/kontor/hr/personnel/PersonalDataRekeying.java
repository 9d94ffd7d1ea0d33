package io.kontor.hr.personnel;

import io.kontor.hr.employee.Employee;
import io.kontor.platform.persistence.Found;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * After a key rotation (a new {@code kontor.hr.personal-data.key} and {@code key-id}, the old key moved to
 * {@code previous-keys}) re-encrypts every value still sealed with an old key, and recomputes the blind indexes, in
 * small transactions, so the old key can be dropped once this reports nothing left. Runs by itself every
 * {@code kontor.hr.personal-data.rekey-every}; a run finding nothing costs one query.
 */
@ApplicationScoped
public class PersonalDataRekeying {

    private static final Logger LOG = Logger.getLogger(PersonalDataRekeying.class);
    private static final int BATCH = 100;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    PersonnelFiles personnelFiles;

    @Scheduled(
            identity = "personal-data-rekeying",
            every = "${kontor.hr.personal-data.rekey-every}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        rekeyAll();
    }

    /**
     * Re-encrypts until no value sealed with an old key is left.
     *
     * @return how many employees' files were re-encrypted
     */
    public int rekeyAll() {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::rekeyBatch);
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            LOG.infof("Re-encrypted the personnel files of %d employees with key k%s", total, cipher.currentKeyId());
        }
        return total;
    }

    private int rekeyBatch() {
        String current = cipher.currentPrefix() + "%";
        List<UUID> stale = Employee.<Employee>find(
                        "birthDateSealed not like ?1 or taxIdSealed not like ?1 or addressSealed not like ?1"
                                + " or socialSecurityNumberSealed not like ?1 or ibanSealed not like ?1"
                                + " or id in (select c.employeeId from EmploymentContract c"
                                + " where c.employeeAddressSealed not like ?1)",
                        current)
                .page(0, BATCH)
                .list()
                .stream()
                .map(e -> e.id)
                .toList();
        stale.forEach(id -> personnelFiles.reseal(Found.lockedById(Employee.class, id, "employee")));
        return stale.size();
    }
}
