package io.kontor.cli;

import picocli.CommandLine.Option;

/** {@code --page} and {@code --size} of a list (API.md: {@code ?page=0&size=50}). */
public final class Paging {

    @Option(names = "--page", defaultValue = "0", description = "page to show, from 0 (default: ${DEFAULT-VALUE})")
    public int page;

    @Option(names = "--size", defaultValue = "50", description = "entries per page (default: ${DEFAULT-VALUE})")
    public int size;
}
