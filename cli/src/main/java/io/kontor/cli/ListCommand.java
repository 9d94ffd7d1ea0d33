package io.kontor.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Mixin;

/**
 * The {@code list} of a group: the service's list route one page at a time ({@code --page}, {@code --size}), shown as a
 * table of {@code columns} (or JSON with {@code --json}). A subclass declares its filters as options and calls
 * {@link #list} from {@code run()}.
 */
public abstract class ListCommand extends ApiCommand {

    @Mixin
    protected Paging paging;

    /** Lists {@code path} with the filters given ({@code name, value, …}; a null value is left out) and the page. */
    protected void list(String path, List<Column> columns, Object... filters) {
        Object[] query = Arrays.copyOf(filters, filters.length + 4);
        query[filters.length] = "page";
        query[filters.length + 1] = paging.page;
        query[filters.length + 2] = "size";
        query[filters.length + 3] = paging.size;
        output().list(gateway().get(path, Gateway.query(query)), columns);
    }
}
