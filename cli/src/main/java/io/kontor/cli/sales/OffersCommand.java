package io.kontor.cli.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.CommandFailure;
import io.kontor.cli.ListCommand;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "offers",
        description = "Offers to customers: create from a template, send, accept, reject, PDF.",
        subcommands = {
            OffersCommand.ListOffers.class,
            OffersCommand.Show.class,
            OffersCommand.Create.class,
            OffersCommand.Send.class,
            OffersCommand.Accept.class,
            OffersCommand.Reject.class,
            OffersCommand.Pdf.class
        })
public final class OffersCommand {

    static final List<Column> COLUMNS = List.of(
            Column.of("ID", "id").whole(),
            Column.of("NUMBER", "offerNumber").whole(),
            Column.of("STATUS", "status").whole(),
            Column.of("VALID UNTIL", "validUntil").whole().dispensable(1),
            Column.of("GROSS", "grossTotal").amount());

    public enum Billing {
        ON_ACCEPTANCE,
        MILESTONES
    }

    @Command(name = "list", description = "Lists offers, optionally of one customer or in one status.")
    static final class ListOffers extends ListCommand {
        @Option(names = "--customer", paramLabel = "CUSTOMER_ID")
        String customerId;

        @Option(names = "--status", description = "DRAFT, SENT, ACCEPTED, REJECTED, EXPIRED")
        String status;

        @Override
        protected void run() {
            list("/sales/offers", COLUMNS, "customerId", customerId, "status", status);
        }
    }

    @Command(name = "show", description = "Shows an offer with its lines, invoices and whether it is paid.")
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "OFFER_ID")
        String id;

        @Override
        protected void run() {
            output().object(gateway().get("/sales/offers/" + id));
        }
    }

    @Command(
            name = "create",
            description = {
                "Drafts an offer from a template and/or lines.",
                "A line is SKU:QUANTITY[:UNIT_PRICE[:DISCOUNT_PERCENT]], e.g. --line CONSULT-DAY:3 --line LIC-1:1:990.00:10"
            })
    static final class Create extends ApiCommand {
        @Option(names = "--customer", required = true, paramLabel = "CUSTOMER_ID")
        String customerId;

        @Option(names = "--template", paramLabel = "TEMPLATE_ID")
        String templateId;

        @Option(names = "--line", paramLabel = "SKU:QTY[:PRICE[:DISCOUNT]]")
        List<String> lines;

        @Option(
                names = "--billing",
                defaultValue = "ON_ACCEPTANCE",
                description = "ON_ACCEPTANCE or MILESTONES (default: ${DEFAULT-VALUE})")
        Billing billing;

        @Override
        protected void run() {
            if (templateId == null && (lines == null || lines.isEmpty())) {
                throw CommandFailure.usage("an offer needs --template or at least one --line");
            }
            ObjectNode offer = body().put("customerId", customerId).put("billing", billing.name());
            if (templateId != null) {
                offer.put("templateId", templateId);
            }
            if (lines != null) {
                ArrayNode array = offer.putArray("lines");
                lines.forEach(line -> array.add(line(line)));
            }
            JsonNode created = gateway().post("/sales/offers", offer);
            output().done(
                            "Drafted offer " + created.path("offerNumber").asText() + " (" + id(created) + "), gross "
                                    + created.path("grossTotal").asText() + ", valid until "
                                    + created.path("validUntil").asText() + ".",
                            created);
        }

        static ObjectNode line(String text) {
            String[] parts = text.split(":");
            if (parts.length < 2 || parts.length > 4) {
                throw CommandFailure.usage(
                        "--line '" + text + "' must be SKU:QUANTITY[:UNIT_PRICE[:DISCOUNT_PERCENT]]");
            }
            try {
                ObjectNode line = body().put("sku", parts[0]).put("quantity", new BigDecimal(parts[1]));
                if (parts.length > 2 && !parts[2].isEmpty()) {
                    line.put("unitPrice", new BigDecimal(parts[2]));
                }
                if (parts.length > 3) {
                    line.put("discountPercent", new BigDecimal(parts[3]));
                }
                return line;
            } catch (NumberFormatException e) {
                throw CommandFailure.usage("--line '" + text + "': quantity, price and discount must be numbers", e);
            }
        }
    }

    /** send, accept: a POST without body that answers the offer in its new state. */
    abstract static class Transition extends ApiCommand {
        @Parameters(paramLabel = "OFFER_ID")
        String id;

        abstract String action();

        @Override
        protected void run() {
            JsonNode offer = gateway().post("/sales/offers/" + id + "/" + action(), null);
            output().done(
                            "Offer " + offer.path("offerNumber").asText(id) + " is "
                                    + offer.path("status").asText() + ".",
                            offer);
        }
    }

    @Command(name = "send", description = "Sends a draft offer to the customer.")
    static final class Send extends Transition {
        @Override
        String action() {
            return "send";
        }
    }

    @Command(name = "accept", description = "Records the customer's acceptance (invoice and project follow).")
    static final class Accept extends Transition {
        @Override
        String action() {
            return "accept";
        }
    }

    @Command(name = "reject", description = "Records the customer's rejection.")
    static final class Reject extends ApiCommand {
        @Parameters(paramLabel = "OFFER_ID")
        String id;

        @Option(names = "--reason", required = true)
        String reason;

        @Override
        protected void run() {
            JsonNode offer = gateway().post("/sales/offers/" + id + "/reject", body().put("reason", reason));
            output().done(
                            "Offer " + offer.path("offerNumber").asText(id) + " is "
                                    + offer.path("status").asText() + ".",
                            offer);
        }
    }

    @Command(name = "pdf", description = "Downloads the offer as PDF.")
    static final class Pdf extends ApiCommand {
        @Parameters(paramLabel = "OFFER_ID")
        String id;

        @Option(
                names = {"-f", "--file"},
                description = "where to save it (- for stdout; default: the service's name or offer-ID.pdf)")
        Path file;

        @Override
        protected void run() throws IOException {
            save(gateway().document("/sales/offers/" + id + "/pdf", "application/pdf"), file, "offer-" + id + ".pdf");
        }
    }
}
