package io.kontor.hr.contract;

import io.kontor.hr.employee.Employee;
import io.kontor.platform.approval.ApprovalRequest;
import io.kontor.platform.approval.Approvals;
import io.kontor.platform.approval.ApprovedAct;
import io.kontor.platform.approval.PendingAct;
import io.kontor.platform.events.hr.ContractSigned;
import io.kontor.platform.events.process.ApprovalDecided;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Signing an employment contract, and four eyes on it (issue #20): a contract whose annual salary is above
 * {@code kontor.approvals.contract-signing.above} waits PENDING_APPROVAL for a second person of HR (the platform's
 * {@link Approvals}) and is signed only once approved; rejected it is a DRAFT again. A contract binds the company for
 * years (a permanent one can hardly be undone, §1 KSchG); an internal control system names such commitments for a
 * second person.
 */
@ApplicationScoped
public class ContractSigning implements ApprovedAct {

    public static final String ACT = "contract-signing";

    private static final Logger LOG = Logger.getLogger(ContractSigning.class);

    @Inject
    Approvals approvals;

    @Inject
    ContractMail mail;

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    @Override
    public String act() {
        return ACT;
    }

    boolean needsApproval(EmploymentContract contract) {
        return contract.status == EmploymentContract.Status.DRAFT && approvals.needed(ACT, contract.annualSalary);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void requestApproval(EmploymentContract contract, String requestedBy) {
        contract.status = EmploymentContract.Status.PENDING_APPROVAL;
        approvals.request(new ApprovalRequest(
                ACT,
                "employment-contract",
                contract.id.toString(),
                contract.annualSalary,
                "EUR",
                "Sign the " + contract.contractType + " contract starting " + contract.startDate + " ("
                        + contract.annualSalary + " EUR a year)",
                "/api/v1/hr/contracts/" + contract.id,
                null,
                requestedBy));
    }

    /** Signs now: the signed contract is mailed to the employee and announced, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void sign(EmploymentContract contract, Instant now) {
        contract.sign(now);
        mail.sendSigned(contract, Found.byId(Employee.class, contract.employeeId, "employee"));
        outbox.publish(new ContractSigned(
                contract.employeeId, contract.id, contract.contractType.name(), contract.startDate, contract.endDate));
    }

    /**
     * Approved: signed now, unless the written form came too late for a fixed term meanwhile (§14 (4) TzBfG): then it
     * is a DRAFT again, said in the log, and HR decides anew.
     */
    @Override
    public void approved(PendingAct act, ApprovalDecided decision) {
        EmploymentContract contract = pending(act);
        if (contract == null) {
            return;
        }
        contract.status = EmploymentContract.Status.DRAFT;
        LocalDate today = calendar.today();
        var refusal = FixedTermRules.signing(contract.contractType, contract.startDate, today);
        if (refusal.isPresent()) {
            LOG.warnf(
                    "approved contract %s not signed: %s",
                    contract.id, refusal.get().message());
            return;
        }
        sign(contract, calendar.now());
    }

    @Override
    public void rejected(PendingAct act, ApprovalDecided decision) {
        EmploymentContract contract = pending(act);
        if (contract != null) {
            contract.status = EmploymentContract.Status.DRAFT;
        }
    }

    private static EmploymentContract pending(PendingAct act) {
        EmploymentContract contract =
                Found.lockedById(EmploymentContract.class, UUID.fromString(act.subjectId()), "contract");
        if (contract.status != EmploymentContract.Status.PENDING_APPROVAL) {
            LOG.infof("decision on contract %s ignored: it is %s", contract.id, contract.status);
            return null;
        }
        return contract;
    }
}
