package io.kontor.hr.contract;

import io.kontor.hr.GermanDates;
import io.kontor.hr.GermanMoney;
import io.kontor.hr.HrConfig;
import io.kontor.hr.PdfPrinter;
import io.kontor.hr.employee.Employee;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The employment contract as a printable PDF, written from the Qute template {@code ContractDocument/contract.html}.
 */
@ApplicationScoped
public class ContractDocument {

    /** What the template shows, already in German notation. */
    public record Page(
            String employer,
            String employeeName,
            String jobTitle,
            String startDate,
            boolean fixedTerm,
            String endDate,
            String fixedTermReason,
            int probationMonths,
            String weeklyHours,
            String annualSalary,
            List<String> noticePeriods,
            boolean draft,
            String signedOn) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance contract(Page page);
    }

    @Inject
    HrConfig config;

    @Inject
    PdfPrinter printer;

    public byte[] print(EmploymentContract contract, Employee employee) {
        return printer.print(html(contract, employee), "Arbeitsvertrag " + employee.fullName());
    }

    String html(EmploymentContract contract, Employee employee) {
        Page page = new Page(
                config.employer().name(),
                employee.fullName(),
                contract.jobTitle,
                GermanDates.format(contract.startDate),
                contract.contractType == ContractType.FIXED_TERM,
                GermanDates.format(contract.endDate),
                contract.fixedTermReason,
                contract.probationMonths,
                GermanMoney.hours(contract.weeklyHours),
                GermanMoney.format(contract.annualSalary, contract.currency),
                contract.terms().noticePeriods(),
                contract.status == EmploymentContract.Status.DRAFT,
                contract.signedAt == null
                        ? null
                        : GermanDates.format(
                                contract.signedAt.atZone(config.timeZone()).toLocalDate()));
        return Templates.contract(page).render();
    }
}
