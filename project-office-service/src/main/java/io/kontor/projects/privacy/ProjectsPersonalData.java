package io.kontor.projects.privacy;

import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.platform.events.privacy.ErasureAction;
import io.kontor.platform.events.privacy.PersonalRecords;
import io.kontor.platform.privacy.PersonalDataHolder;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.projects.directory.Customer;
import io.kontor.projects.directory.StaffErasure;
import io.kontor.projects.directory.StaffMember;
import io.kontor.projects.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the project office holds about a person (GDPR Art. 15, 17): an employee in the staff directory (by employee id
 * or e-mail), a customer in its replica (by customer number) with the projects for them, and projects the person
 * manages.
 *
 * <p>Erasure: a former employee is forgotten with the project office's own {@link StaffErasure} (the same as on
 * kontor.hr.employee-erased.v1), while employed the entry is kept for staffing (Art. 6 (1) (b) GDPR, §26 BDSG). A
 * customer's name gives way to a placeholder; the projects stay, with the customer's id only. The project office has no
 * statutory duty to keep either (Art. 17 (3) (b) does not apply).
 */
@ApplicationScoped
public class ProjectsPersonalData implements PersonalDataHolder {

    @Inject
    StaffErasure staffErasure;

    @Inject
    BusinessCalendar calendar;

    @Override
    public List<PersonalRecords> export(DataSubject subject) {
        List<PersonalRecords> held = new ArrayList<>();
        List<StaffMember> staff = staff(subject);
        if (!staff.isEmpty()) {
            held.add(new PersonalRecords(
                    "staff-directory",
                    "Projektbesetzung",
                    "Art. 6 (1) (b) DSGVO, §26 (1) BDSG",
                    "bis zum Ende der Beschäftigung, gelöscht wenn hr die Person löscht",
                    staff.stream().map(ProjectsPersonalData::staffRecord).toList()));
        }
        List<Customer> customers = customers(subject);
        if (!customers.isEmpty()) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (Customer customer : customers) {
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("customerNumber", customer.customerNumber);
                record.put("name", customer.name);
                record.put(
                        "projects",
                        Project.<Project>list("customerId = ?1 order by createdAt", customer.id).stream()
                                .map(p -> p.name + " (ab " + p.startDate + ")")
                                .toList());
                record.put("erasedOn", customer.erasedOn == null ? null : customer.erasedOn.toString());
                records.add(record);
            }
            held.add(new PersonalRecords(
                    "customer",
                    "Projekte für den Kunden (Kopie des Kundenstamms aus dem Vertrieb)",
                    "Art. 6 (1) (b) DSGVO",
                    "solange der Vertrieb den Kunden führt",
                    records));
        }
        String email = subject.normalisedEmail();
        if (email != null) {
            List<Map<String, Object>> managed = Project.<Project>list("lower(managerEmail) = ?1", email).stream()
                    .map(p -> {
                        Map<String, Object> record = new LinkedHashMap<>();
                        record.put("project", p.name);
                        record.put("managerEmail", p.managerEmail);
                        return record;
                    })
                    .toList();
            if (!managed.isEmpty()) {
                held.add(new PersonalRecords(
                        "project-management",
                        "Projektleitung",
                        "Art. 6 (1) (b) DSGVO, §26 (1) BDSG",
                        "mit dem Projekt",
                        managed));
            }
        }
        return held;
    }

    @Override
    public List<ErasureAction> erase(DataSubject subject) {
        List<ErasureAction> actions = new ArrayList<>();
        LocalDate today = calendar.today();
        for (StaffMember member : staff(subject)) {
            if (member.isErased()) {
                continue;
            }
            if (member.leavingDate == null || !member.leavingDate.isBefore(today)) {
                actions.add(new ErasureAction(
                        "staff-directory",
                        ErasureAction.Outcome.KEPT,
                        1,
                        "Beschäftigung besteht: für die Projektbesetzung erforderlich (Art. 6 (1) (b) DSGVO, §26 (1)"
                                + " BDSG); gelöscht, sobald hr die Person nach dem Austritt löscht",
                        member.leavingDate));
            } else {
                staffErasure.forget(member, today);
                actions.add(new ErasureAction(
                        "staff-directory",
                        ErasureAction.Outcome.ERASED,
                        1,
                        "Verzeichniseintrag gelöscht, in Protokollen und Kick-offs durch \""
                                + StaffMember.FORMER_EMPLOYEE + "\" ersetzt",
                        null));
            }
        }
        int customers = 0;
        for (Customer customer : customers(subject)) {
            if (customer.erasedOn == null) {
                customer.name = Customer.ERASED;
                customer.erasedOn = today;
                customers++;
            }
        }
        if (customers > 0) {
            actions.add(new ErasureAction(
                    "customer",
                    ErasureAction.Outcome.ERASED,
                    customers,
                    "Name gelöscht; die Projekte bleiben mit der Kunden-Id (keine Aufbewahrungspflicht im"
                            + " Projektbüro)",
                    null));
        }
        return actions;
    }

    private static List<StaffMember> staff(DataSubject subject) {
        Map<UUID, StaffMember> found = new LinkedHashMap<>();
        UUID id = subject.employeeUuid();
        if (id != null) {
            StaffMember member = StaffMember.findById(id);
            if (member != null) {
                found.put(member.employeeId, member);
            }
        }
        String email = subject.normalisedEmail();
        if (email != null) {
            StaffMember.<StaffMember>list("lower(email) = ?1", email).forEach(m -> found.putIfAbsent(m.employeeId, m));
        }
        return List.copyOf(found.values());
    }

    private static List<Customer> customers(DataSubject subject) {
        if (subject.customerNumber() == null || subject.customerNumber().isBlank()) {
            return List.of();
        }
        return Customer.list("customerNumber", subject.customerNumber().strip());
    }

    private static Map<String, Object> staffRecord(StaffMember m) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("employeeId", m.employeeId.toString());
        record.put("firstName", m.firstName);
        record.put("lastName", m.lastName);
        record.put("email", m.email);
        record.put("jobTitle", m.jobTitle);
        record.put("department", m.department);
        record.put("startDate", m.startDate == null ? null : m.startDate.toString());
        record.put("leavingDate", m.leavingDate == null ? null : m.leavingDate.toString());
        record.put("erasedOn", m.erasedOn == null ? null : m.erasedOn.toString());
        return record;
    }
}
