package io.kontor.accounting.payables.intake;

import io.kontor.platform.persistence.Paging;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** What the intake mailbox received, newest first: the trail that no mail went unseen by a person. */
@Path("/supplier-invoices/mail")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ACCOUNTING, Roles.ADMIN})
public class IntakeMailResource {

    public record MailView(
            UUID id,
            String messageId,
            String sender,
            String subject,
            Instant sentAt,
            Instant readAt,
            String fileName,
            String sha256,
            IntakeMail.Outcome outcome,
            UUID invoiceId,
            String detail) {

        static MailView of(IntakeMail m) {
            return new MailView(
                    m.id,
                    m.messageId,
                    m.sender,
                    m.subject,
                    m.sentAt,
                    m.readAt,
                    m.fileName,
                    m.sha256,
                    m.outcome,
                    m.invoiceId,
                    m.detail);
        }
    }

    @GET
    public Page<MailView> mail(
            @QueryParam("outcome") String outcomeName,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        IntakeMail.Outcome outcome = outcome(outcomeName);
        Sort newest = Sort.descending("readAt").and("id");
        return Paging.page(
                outcome == null
                        ? IntakeMail.<IntakeMail>findAll(newest)
                        : IntakeMail.<IntakeMail>find("outcome", newest, outcome),
                page,
                size,
                MailView::of);
    }

    private static IntakeMail.Outcome outcome(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return IntakeMail.Outcome.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldProblem("outcome", "one of INVOICE, DUPLICATE, REFUSED, NO_ATTACHMENT");
        }
    }
}
