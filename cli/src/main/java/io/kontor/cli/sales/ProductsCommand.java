package io.kontor.cli.sales;

import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.ListCommand;
import java.math.BigDecimal;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "products",
        description = "The product catalogue of sales.",
        subcommands = {ProductsCommand.ListProducts.class, ProductsCommand.Create.class})
public final class ProductsCommand {

    static final List<Column> COLUMNS = List.of(
            Column.of("SKU", "sku").whole(),
            Column.of("NAME", "name"),
            Column.of("UNIT PRICE", "unitPrice").amount(),
            Column.of("VAT %", "vatRate").amount(),
            Column.of("UNIT", "unit"));

    @Command(name = "list", description = "Lists the products.")
    static final class ListProducts extends ListCommand {

        @Override
        protected void run() {
            list("/sales/products", COLUMNS);
        }
    }

    @Command(name = "create", description = "Adds a product.")
    static final class Create extends ApiCommand {
        @Option(names = "--sku", required = true)
        String sku;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--unit-price", required = true, description = "net price per unit, e.g. 120.00")
        BigDecimal unitPrice;

        @Option(names = "--vat-rate", required = true, description = "19, 7 or 0")
        int vatRate;

        @Option(names = "--unit", defaultValue = "piece", description = "(default: ${DEFAULT-VALUE})")
        String unit;

        @Override
        protected void run() {
            var created = gateway()
                    .post(
                            "/sales/products",
                            body().put("sku", sku)
                                    .put("name", name)
                                    .put("unitPrice", unitPrice)
                                    .put("vatRate", vatRate)
                                    .put("unit", unit));
            output().done("Added product " + sku + ".", created);
        }
    }
}
