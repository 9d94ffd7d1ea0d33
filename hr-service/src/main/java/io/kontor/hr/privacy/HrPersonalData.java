package io.kontor.hr.privacy;

import io.kontor.hr.application.Application;
import io.kontor.hr.application.Interview;
import io.kontor.hr.employee.Employee;
import io.kontor.hr.personnel.PersonnelFiles;
import io.kontor.hr.personnel.PostalAddress;
import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.platform.events.privacy.ErasureAction;
import io.kontor.platform.events.privacy.PersonalRecords;
import io.kontor.platform.privacy.PersonalDataHolder;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What hr holds about employees and candidates (GDPR Art. 15, 17), found by employee id, application id or e-mail.
 *
 * <p>Erasure uses hr's own mechanisms: a former employee's file goes through {@link EmployeeErasure} (what no law keeps
 * is erased, the rest restricted until the statutory retention ends, §41 EStG, §147 AO; the other services are told by
 * kontor.hr.employee-erased.v1), a candidate's application through {@link Erasure}. The file of someone still employed
 * is kept: it is needed for the employment (Art. 6 (1) (b) GDPR, §26 (1) BDSG, Art. 17 (1) (a) does not apply yet).
 */
@ApplicationScoped
public class HrPersonalData implements PersonalDataHolder {

    @Inject
    PersonnelFiles files;

    @Inject
    EmployeeErasure employeeErasure;

    @Inject
    Erasure applicationErasure;

    @Inject
    BusinessCalendar calendar;

    @Override
    public List<PersonalRecords> export(DataSubject subject) {
        List<PersonalRecords> held = new ArrayList<>();
        List<Employee> employees = employees(subject);
        if (!employees.isEmpty()) {
            held.add(new PersonalRecords(
                    "employee",
                    "Durchführung des Beschäftigungsverhältnisses, Lohnkonto",
                    "Art. 6 (1) (b), (c) DSGVO, §26 (1) BDSG, §41 EStG",
                    "bis zur Verjährung der Ansprüche (3 Jahre, §195 BGB), eingeschränkt bis 6 Jahre nach Ende des"
                            + " Austrittsjahres (§41 (1) EStG, §147 AO)",
                    employees.stream().map(this::employeeRecord).toList()));
        }
        List<Application> applications = applications(subject);
        if (!applications.isEmpty()) {
            held.add(new PersonalRecords(
                    "applications",
                    "Bewerbungsverfahren",
                    "Art. 6 (1) (b) DSGVO, §26 (1) BDSG; Talentpool: Einwilligung Art. 6 (1) (a)",
                    "6 Monate nach Absage (§15 (4) AGG), im Talentpool bis zum Widerruf",
                    applications.stream().map(HrPersonalData::applicationRecord).toList()));
        }
        return held;
    }

    @Override
    public List<ErasureAction> erase(DataSubject subject) {
        List<ErasureAction> actions = new ArrayList<>();
        LocalDate today = calendar.today();
        for (Employee employee : employees(subject)) {
            if (employee.isErased()) {
                continue;
            }
            if (!employee.hasLeftBy(today)) {
                actions.add(new ErasureAction(
                        "employee",
                        ErasureAction.Outcome.KEPT,
                        1,
                        "Beschäftigung besteht"
                                + (employee.leavingDate == null ? "" : " bis " + employee.leavingDate)
                                + ": die Personalakte ist für das Beschäftigungsverhältnis erforderlich (Art. 6 (1)"
                                + " (b) DSGVO, §26 (1) BDSG); gelöscht wird nach dessen Ende (Art. 17 (1) (a) DSGVO)",
                        employee.leavingDate));
                continue;
            }
            EmployeeErasure.Status status = employeeErasure.onRequest(employee.id);
            if (status.erasedAt() != null) {
                actions.add(new ErasureAction(
                        "employee",
                        ErasureAction.Outcome.ERASED,
                        1,
                        "Aufbewahrungsfristen abgelaufen: nichts Personenbezogenes mehr gespeichert",
                        null));
            } else {
                actions.add(new ErasureAction(
                        "employee",
                        ErasureAction.Outcome.ERASED,
                        status.erased().size(),
                        "gelöscht: " + String.join(", ", status.erased()),
                        null));
                actions.add(new ErasureAction(
                        "employee",
                        ErasureAction.Outcome.RESTRICTED,
                        status.kept().size(),
                        "eingeschränkt aufbewahrt (Art. 17 (3) (b), Art. 18 DSGVO, §35 (3) BDSG): "
                                + String.join("; ", status.kept()),
                        status.keptUntil()));
            }
        }
        int applications = 0;
        for (Application application : applications(subject)) {
            if (!application.isErased()) {
                applicationErasure.eraseApplication(application.id);
                applications++;
            }
        }
        if (applications > 0) {
            actions.add(new ErasureAction(
                    "applications",
                    ErasureAction.Outcome.ERASED,
                    applications,
                    "Name, E-Mail, Anschreiben und Gesprächsnotizen gelöscht; Stelle, Stufe und Daten bleiben"
                            + " anonym für die Statistik",
                    null));
        }
        return actions;
    }

    private static List<Employee> employees(DataSubject subject) {
        Map<UUID, Employee> found = new LinkedHashMap<>();
        UUID id = subject.employeeUuid();
        if (id != null) {
            Employee employee = Employee.findById(id);
            if (employee != null) {
                found.put(employee.id, employee);
            }
        }
        String email = subject.normalisedEmail();
        if (email != null) {
            Employee.<Employee>list("lower(email) = ?1", email).forEach(e -> found.putIfAbsent(e.id, e));
        }
        return List.copyOf(found.values());
    }

    private static List<Application> applications(DataSubject subject) {
        Map<UUID, Application> found = new LinkedHashMap<>();
        if (subject.applicationId() != null) {
            Application application = Application.findById(subject.applicationId());
            if (application != null) {
                found.put(application.id, application);
            }
        }
        String email = subject.normalisedEmail();
        if (email != null) {
            Application.<Application>list("lower(email) = ?1", email).forEach(a -> found.putIfAbsent(a.id, a));
        }
        return List.copyOf(found.values());
    }

    /**
     * The file as the employee may see it (Art. 15 (3)); tax id, social-security number and IBAN only by their last
     * digits, since the answer travels through Kafka and legal's bundle: hr hands out the full values on request.
     */
    private Map<String, Object> employeeRecord(Employee e) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("employeeId", e.id.toString());
        record.put("firstName", e.firstName);
        record.put("lastName", e.lastName);
        record.put("email", e.email);
        record.put("jobTitle", e.jobTitle);
        record.put("department", e.department);
        record.put("startDate", text(e.startDate));
        record.put("leavingDate", text(e.leavingDate));
        if (!e.isErased()) {
            var identity = files.identity(e);
            record.put("birthDate", text(identity.birthDate()));
            record.put("taxId", masked(identity.normalisedTaxId()));
            PostalAddress address = files.address(e);
            record.put("address", address == null ? null : address.oneLine());
            record.put("socialSecurityNumber", masked(files.socialSecurityNumber(e)));
            record.put("iban", masked(files.iban(e)));
        }
        record.put("restrictedAt", text(e.restrictedAt));
        record.put("erasedAt", text(e.erasedAt));
        return record;
    }

    private static Map<String, Object> applicationRecord(Application a) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("applicationId", a.id.toString());
        record.put("jobOpeningId", a.jobOpeningId == null ? null : a.jobOpeningId.toString());
        record.put("firstName", a.firstName);
        record.put("lastName", a.lastName);
        record.put("email", a.email);
        record.put("coverLetter", a.coverLetter);
        record.put("stage", a.stage == null ? null : a.stage.name());
        record.put("receivedAt", text(a.receivedAt));
        record.put("rejectedAt", text(a.rejectedAt));
        record.put("talentPoolConsentAt", text(a.talentPoolConsentAt));
        record.put("erasedAt", text(a.erasedAt));
        record.put(
                "interviews",
                Interview.<Interview>list("applicationId", a.id).stream()
                        .map(i -> i.heldAt + " " + (i.notes == null ? "" : i.notes))
                        .toList());
        return record;
    }

    static String masked(String value) {
        if (value == null) {
            return null;
        }
        String compact = value.replace(" ", "");
        return compact.length() <= 4 ? "****" : "****" + compact.substring(compact.length() - 4);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
