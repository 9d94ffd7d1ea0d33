package io.kontor.cli.operations;

import java.util.Arrays;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A service as the gateway addresses its admin routes: {@code /api/v1/<path>/admin/...}. Written as on the command line
 * ({@code --service product-development}), which an enum constant cannot spell, hence the converter.
 */
enum Service {
    SALES("sales"),
    ACCOUNTING("accounting"),
    HR("hr"),
    PROJECTS("projects"),
    PRODUCT_DEVELOPMENT("product-development"),
    LEGAL("legal"),
    PROCESSES("processes");

    private final String path;

    Service(String path) {
        this.path = path;
    }

    /** The path segment, which is also what the user types and what completion offers. */
    @Override
    public String toString() {
        return path;
    }

    static final class Converter implements ITypeConverter<Service> {
        @Override
        public Service convert(String value) {
            return Arrays.stream(values())
                    .filter(service -> service.path.equals(value))
                    .findFirst()
                    .orElseThrow(() -> new TypeConversionException("no service '" + value + "'; one of "
                            + String.join(
                                    ", ",
                                    Arrays.stream(values())
                                            .map(Service::toString)
                                            .toList())));
        }
    }
}
