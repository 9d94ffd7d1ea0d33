package io.kontor.cli.sales;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.ListCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "customers",
        description = "Customers of sales.",
        subcommands = {CustomersCommand.ListCustomers.class, CustomersCommand.Show.class, CustomersCommand.Create.class
        })
public final class CustomersCommand {

    static final List<Column> COLUMNS = List.of(
            Column.of("ID", "id").whole(),
            Column.of("NUMBER", "customerNumber").whole(),
            Column.of("NAME", "name"),
            Column.of("EMAIL", "email").dispensable(1),
            Column.of("HOLD", "creditHold").whole());

    public enum Type {
        BUSINESS,
        CONSUMER
    }

    @Command(name = "list", description = "Lists customers, optionally those matching --query.")
    static final class ListCustomers extends ListCommand {
        @Option(
                names = {"-q", "--query"},
                description = "name, number or email contains this")
        String query;

        @Override
        protected void run() {
            list("/sales/customers", COLUMNS, "q", query);
        }
    }

    @Command(name = "show", description = "Shows one customer.")
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "CUSTOMER_ID")
        String id;

        @Override
        protected void run() {
            output().object(gateway().get("/sales/customers/" + id));
        }
    }

    @Command(name = "create", description = "Registers a customer.")
    static final class Create extends ApiCommand {
        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--type", required = true, description = "BUSINESS or CONSUMER")
        Type type;

        @Option(names = "--email", required = true)
        String email;

        @Option(names = "--vat-id", description = "e.g. DE811907980 (businesses; country = billing country)")
        String vatId;

        @Option(names = "--payment-term-days", description = "days to pay an invoice (the service's default: 14)")
        Integer paymentTermDays;

        @Option(names = "--street", required = true)
        String street;

        @Option(names = "--postal-code", required = true)
        String postalCode;

        @Option(names = "--city", required = true)
        String city;

        @Option(names = "--country", defaultValue = "DE", description = "ISO 3166 code (default: ${DEFAULT-VALUE})")
        String country;

        @Override
        protected void run() {
            ObjectNode customer =
                    body().put("name", name).put("type", type.name()).put("email", email);
            if (vatId != null) {
                customer.put("vatId", vatId);
            }
            if (paymentTermDays != null) {
                customer.put("paymentTermDays", paymentTermDays);
            }
            customer.putObject("billingAddress")
                    .put("street", street)
                    .put("postalCode", postalCode)
                    .put("city", city)
                    .put("country", country);
            var created = gateway().post("/sales/customers", customer);
            output().done(
                            "Registered customer "
                                    + created.path("customerNumber").asText() + " (" + id(created) + ").",
                            created);
        }
    }
}
