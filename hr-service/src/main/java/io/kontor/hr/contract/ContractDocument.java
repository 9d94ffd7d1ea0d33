package io.kontor.hr.contract;

import io.kontor.hr.GermanDates;
import io.kontor.hr.GermanMoney;
import io.kontor.hr.HrConfig;
import io.kontor.hr.PdfPrinter;
import io.kontor.hr.employee.Employee;
import io.kontor.hr.personnel.PersonnelFiles;
import io.kontor.hr.personnel.PostalAddress;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The employment contract as a printable PDF, written from the Qute template {@code ContractDocument/contract.html}.
 */
@ApplicationScoped
public class ContractDocument {

    @Inject
    BusinessCalendar calendar;

    /** What the template shows, already in German notation; an item a contract from before NachwG kept is "–". */
    public record Page(
            String employer,
            String employerAddress,
            String employeeName,
            String employeeAddress,
            String jobTitle,
            String jobDescription,
            String placeOfWork,
            String startDate,
            boolean fixedTerm,
            String endDate,
            String fixedTermReason,
            List<String> extensions,
            String currentEndDate,
            int probationMonths,
            String weeklyHours,
            String workingDaysPerWeek,
            String workingTimeModel,
            String breaks,
            String restPeriods,
            String shiftWork,
            String overtime,
            String annualSalary,
            String monthlySalary,
            String bonuses,
            String paymentDue,
            String paymentMethod,
            String annualLeaveDays,
            String statutoryLeaveDays,
            String training,
            String companyPension,
            String collectiveAgreements,
            List<String> noticePeriods,
            List<String> deadlines,
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

    @Inject
    PersonnelFiles personnelFiles;

    @Inject
    Clock clock;

    public byte[] print(EmploymentContract contract, Employee employee) {
        return printer.print(html(contract, employee), "Arbeitsvertrag " + employee.fullName());
    }

    String html(EmploymentContract contract, Employee employee) {
        WrittenTerms terms = contract.writtenTerms != null
                ? contract.writtenTerms
                : new WrittenTerms(
                        null, null, null, null, null, null, null, null, null, null, 5, null, null, null, null);
        PostalAddress address = personnelFiles.contractAddress(contract);
        List<ContractExtension> extensions = ContractExtension.of(contract.id);
        LocalDate signedOn = contract.signedAt == null ? null : LocalDate.ofInstant(contract.signedAt, calendar.zone());
        int days = terms.workingDaysPerWeek() == null ? 5 : terms.workingDaysPerWeek();
        Page page = new Page(
                config.employer().name(),
                config.employer().address(),
                employee.fullName(),
                address == null ? NONE : address.oneLine(),
                contract.jobTitle,
                or(terms.jobDescription()),
                or(terms.placeOfWork()),
                GermanDates.format(contract.startDate),
                contract.contractType == ContractType.FIXED_TERM,
                GermanDates.format(contract.endDate),
                contract.fixedTermReason,
                extensions.stream().map(ContractDocument::line).toList(),
                GermanDates.format(contract.currentEndDate()),
                contract.probationMonths,
                GermanMoney.hours(contract.weeklyHours),
                Integer.toString(days),
                or(terms.workingTimeModel()),
                or(terms.breaks()),
                or(terms.restPeriods()),
                or(terms.shiftWork()),
                or(terms.overtime()),
                GermanMoney.format(contract.annualSalary, contract.currency),
                GermanMoney.format(
                        contract.annualSalary.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP),
                        contract.currency),
                or(terms.bonuses()),
                or(terms.paymentDue()),
                or(terms.paymentMethod()),
                terms.annualLeaveDays() == null ? NONE : terms.annualLeaveDays().toString(),
                Integer.toString(WrittenTerms.statutoryLeaveDays(days)),
                or(terms.training()),
                or(terms.companyPension()),
                or(terms.collectiveAgreements()),
                contract.terms().noticePeriods(),
                NachweisDeadline.of(contract.startDate, signedOn, calendar.today()).stream()
                        .map(ContractDocument::line)
                        .toList(),
                contract.status != EmploymentContract.Status.SIGNED,
                GermanDates.format(signedOn));
        return Templates.contract(page).render();
    }

    private static final String NONE = "–";

    private static String or(String text) {
        return text == null ? NONE : text;
    }

    /** An amendment as §2 of the contract lists it (§14(2) sentence 1 TzBfG: written, before the term ended). */
    private static String line(ContractExtension extension) {
        return extension.number + ". Verlängerung, schriftlich vereinbart am " + GermanDates.format(extension.agreedOn)
                + ": befristet bis zum " + GermanDates.format(extension.endDate) + " (bisher bis zum "
                + GermanDates.format(extension.previousEndDate) + ")"
                + (extension.fixedTermReason == null || extension.fixedTermReason.isBlank()
                        ? ", ohne sachlichen Grund nach § 14 Abs. 2 Satz 1 TzBfG"
                        : ", sachlicher Grund (§ 14 Abs. 1 TzBfG): " + extension.fixedTermReason)
                + "; alle übrigen Vertragsbedingungen bleiben unverändert.";
    }

    private static String line(NachweisDeadline deadline) {
        String status = switch (deadline.status()) {
            case "MET" -> "erfüllt";
            case "LATE" -> "verspätet ausgehändigt";
            case "OVERDUE" -> "überfällig";
            default -> "offen";
        };
        return "Angaben " + deadline.items() + ": bis " + GermanDates.format(deadline.dueBy()) + " (" + status + ")";
    }
}
