package io.kontor.cli.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.CommandFailure;
import io.kontor.cli.Gateway;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "mail",
        description = {
            "Mail the services sent (offers, invoices, ...): delivery records with recipient, Message-ID, status,",
            "tries and the server's answer; resend one on demand."
        },
        subcommands = {MailCommand.Deliveries.class, MailCommand.Resend.class})
public final class MailCommand {

    static final List<Column> COLUMNS = List.of(
            Column.of("ID", "id").whole(),
            Column.of("STATUS", "status").whole(),
            Column.of("TO", "recipient").whole(),
            Column.of("SUBJECT", "subject").dispensable(3),
            Column.of("TRIES", "attempts").right().dispensable(2),
            Column.of("HANDED TO SMTP", "handedToSmtpAt").dispensable(4),
            Column.of("ANSWER / ERROR", "lastError").dispensable(1));

    @Command(
            name = "deliveries",
            description = {
                "Lists delivery records: of one document (--offer, --invoice) or a service's newest (admins; --status"
                        + " FAILED or BOUNCED shows what needs a look)."
            })
    static final class Deliveries extends ApiCommand {
        @Option(names = "--offer", paramLabel = "OFFER_ID", description = "the mails of this offer")
        String offer;

        @Option(names = "--invoice", paramLabel = "INVOICE_ID", description = "the mails of this invoice")
        String invoice;

        @Option(
                names = "--service",
                converter = Service.Converter.class,
                description = "every mail of this service: ${COMPLETION-CANDIDATES}")
        Service service;

        @Option(names = "--status", description = "with --service: PENDING, SENDING, SENT, FAILED or BOUNCED")
        String status;

        @Override
        protected void run() {
            JsonNode answer;
            if (offer != null) {
                answer = gateway().get("/sales/offers/" + offer + "/deliveries");
            } else if (invoice != null) {
                answer = gateway().get("/accounting/invoices/" + invoice + "/deliveries");
            } else if (service != null) {
                answer = gateway().get("/" + service + "/admin/mail/deliveries", Gateway.query("status", status));
            } else {
                throw CommandFailure.usage("mail deliveries needs --offer, --invoice or --service");
            }
            output().list(answer, COLUMNS);
        }
    }

    @Command(
            name = "resend",
            description = "Sends a mail again as a new message (new Message-ID, pointing to the original).")
    static final class Resend extends ApiCommand {
        @Option(
                names = "--service",
                converter = Service.Converter.class,
                required = true,
                description = "the sending service: ${COMPLETION-CANDIDATES}")
        Service service;

        @Parameters(paramLabel = "ID", description = "the delivery's id, from mail deliveries")
        String id;

        @Override
        protected void run() {
            JsonNode answer = gateway().post("/" + service + "/admin/mail/deliveries/" + id + "/resend", null);
            output().done(
                            "Mail " + id + " is sent again as "
                                    + answer.path("messageId").asText() + " to "
                                    + answer.path("recipient").asText() + ".",
                            answer);
        }
    }
}
