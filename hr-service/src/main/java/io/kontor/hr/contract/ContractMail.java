package io.kontor.hr.contract;

import io.kontor.hr.employee.Employee;
import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.mail.MailLocale;
import io.kontor.platform.mail.MailOutbox;
import io.kontor.platform.mail.MailRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mails the signed contract to the employee in the transaction that signs it. Since 2025 the essential terms may be
 * handed over in text form when the employee can store and print them and the employer asks for a confirmation of
 * receipt (§2 (1) sentences 2-3 NachwG as amended by the Bürokratieentlastungsgesetz IV); the mail asks for it, and its
 * delivery record is the proof of when and where it went. Employers in the sectors of §2a SchwarzArbG (construction,
 * hospitality, ...) must still hand over a signed paper: they set {@code kontor.hr.contract-mail.enabled=false}.
 */
@ApplicationScoped
public class ContractMail {

    static final String DOCUMENT = "contract";

    @Inject
    MailOutbox mail;

    @Inject
    ContractDocument document;

    @ConfigProperty(name = "kontor.hr.contract-mail.enabled", defaultValue = "true")
    boolean enabled;

    @Transactional(Transactional.TxType.MANDATORY)
    void sendSigned(EmploymentContract contract, Employee employee) {
        Locale language = Locale.GERMAN;
        // Without an address the contract is handed over on paper.
        mail.sendIfAddressed(
                enabled,
                employee.email,
                "contract " + contract.id,
                address -> MailRequest.forDocument(DOCUMENT, contract.id)
                        .to(address)
                        .template("contract-signed", language)
                        .data("employeeName", (employee.firstName + " " + employee.lastName).strip())
                        .data("startDate", MailLocale.date(contract.startDate, language))
                        .attach(
                                "arbeitsvertrag-" + contract.id + ".pdf",
                                "application/pdf",
                                document.print(contract, employee))
                        .requestedBy("hr-service/contracts")
                        .build());
    }

    List<MailDelivery> deliveries(UUID contractId) {
        return mail.deliveries(DOCUMENT, contractId.toString());
    }

    /** GDPR Art. 17 once the contract's retention has passed: the mail keeps only that and when it went out. */
    public void erase(UUID contractId) {
        mail.erasePersonalData(DOCUMENT, contractId.toString());
    }
}
