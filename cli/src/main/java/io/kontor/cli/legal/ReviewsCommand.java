package io.kontor.cli.legal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.ListCommand;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "reviews",
        description = "Offers sales holds back for legal's advice before they are sent.",
        subcommands = {
            ReviewsCommand.ListReviews.class,
            ReviewsCommand.Show.class,
            ReviewsCommand.Approve.class,
            ReviewsCommand.Reject.class
        })
public final class ReviewsCommand {

    static final String BASE = "/legal/reviews";

    @Command(name = "list", description = "Lists reviews, oldest first.")
    static final class ListReviews extends ListCommand {
        @Option(names = "--status", description = "PENDING, APPROVED or REJECTED")
        String status;

        @Override
        protected void run() {
            list(
                    BASE,
                    List.of(
                            Column.of("OFFER", "offerNumber").whole(),
                            Column.of("CUSTOMER", "customerName"),
                            Column.of("GROSS", "grossTotal").whole(),
                            Column.of("STATUS", "status").whole(),
                            Column.of("ID", "id").whole().dispensable(1)),
                    "status",
                    status == null ? null : status.toUpperCase(Locale.ROOT));
        }
    }

    @Command(name = "show", description = "Shows a review: reasons, customer, terms and lines.")
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "REVIEW_ID")
        String id;

        @Override
        protected void run() {
            output().object(gateway().get(BASE + "/" + id));
        }
    }

    @Command(name = "approve", description = "Approves the offer: sales may send it.")
    static final class Approve extends ApiCommand {
        @Parameters(paramLabel = "REVIEW_ID")
        String id;

        @Option(names = "--comment")
        String comment;

        @Override
        protected void run() {
            JsonNode review = gateway().post(BASE + "/" + id + "/approve", body().put("comment", comment));
            output().done("Offer " + review.path("offerNumber").asText() + " approved.", review);
        }
    }

    @Command(name = "reject", description = "Rejects the offer, saying why: sales returns it to DRAFT.")
    static final class Reject extends ApiCommand {
        @Parameters(paramLabel = "REVIEW_ID")
        String id;

        @Option(names = "--comment", required = true)
        String comment;

        @Override
        protected void run() {
            JsonNode review = gateway().post(BASE + "/" + id + "/reject", body().put("comment", comment));
            output().done("Offer " + review.path("offerNumber").asText() + " rejected.", review);
        }
    }
}
