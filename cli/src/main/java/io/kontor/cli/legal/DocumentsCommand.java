package io.kontor.cli.legal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.CommandFailure;
import io.kontor.cli.Gateway;
import io.kontor.cli.ListCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "documents",
        description = "Legal documents (AGB, privacy notices, DPA templates): versions, review, publication.",
        subcommands = {
            DocumentsCommand.ListDocuments.class,
            DocumentsCommand.Show.class,
            DocumentsCommand.Create.class,
            DocumentsCommand.Draft.class,
            DocumentsCommand.Change.class,
            DocumentsCommand.Version.class,
            DocumentsCommand.Submit.class,
            DocumentsCommand.Return.class,
            DocumentsCommand.Publish.class,
            DocumentsCommand.Diff.class,
            DocumentsCommand.Render.class
        })
public final class DocumentsCommand {

    static final String BASE = "/legal/documents";

    @Command(name = "list", description = "Lists the legal documents with the version in force.")
    static final class ListDocuments extends ListCommand {

        @Override
        protected void run() {
            list(
                    BASE,
                    List.of(
                            Column.of("KIND", "kind").whole(),
                            Column.of("LANG", "language").whole(),
                            Column.of("TITLE", "title"),
                            Column.of("IN FORCE", "inForce").whole(),
                            Column.of("ID", "id").whole().dispensable(1)));
        }
    }

    @Command(name = "show", description = "Shows a document and its versions.")
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "DOCUMENT_ID")
        String id;

        @Override
        protected void run() {
            output().object(gateway().get(BASE + "/" + id));
        }
    }

    @Command(name = "create", description = "Creates a document of a kind in a language.")
    static final class Create extends ApiCommand {
        @Option(names = "--kind", required = true, description = "AGB, PRIVACY_NOTICE, DPA_TEMPLATE or another name")
        String kind;

        @Option(names = "--language", defaultValue = "de", description = "ISO 639-1 (default: de)")
        String language;

        @Option(names = "--title", required = true)
        String title;

        @Override
        protected void run() {
            JsonNode document = gateway()
                    .post(
                            BASE,
                            body().put("kind", kind.toUpperCase(Locale.ROOT))
                                    .put("language", language)
                                    .put("title", title));
            output().done("Document " + document.path("id").asText() + " created.", document);
        }
    }

    /** The text of a version: a Markdown file. */
    abstract static class Text extends ApiCommand {
        @Option(names = "--file", required = true, paramLabel = "MARKDOWN_FILE")
        Path file;

        @Option(names = "--note", description = "what changed and why")
        String note;

        String text() throws IOException {
            if (!Files.isReadable(file)) {
                throw CommandFailure.usage("cannot read " + file);
            }
            return Files.readString(file);
        }
    }

    @Command(name = "draft", description = "Drafts a new version from a Markdown file.")
    static final class Draft extends Text {
        @Parameters(paramLabel = "DOCUMENT_ID")
        String id;

        @Override
        protected void run() throws IOException {
            JsonNode version = gateway()
                    .post(
                            BASE + "/" + id + "/versions",
                            body().put("text", text()).put("changeNote", note));
            output().done("Version " + version.path("version").asInt() + " drafted.", version);
        }
    }

    @Command(name = "change", description = "Changes the text of a draft.")
    static final class Change extends Text {
        @Parameters(index = "0", paramLabel = "DOCUMENT_ID")
        String id;

        @Parameters(index = "1", paramLabel = "VERSION")
        int version;

        @Override
        protected void run() throws IOException {
            JsonNode changed = gateway()
                    .put(
                            BASE + "/" + id + "/versions/" + version,
                            body().put("text", text()).put("changeNote", note));
            output().done("Version " + version + " changed.", changed);
        }
    }

    @Command(name = "version", description = "Shows a version with its text.")
    static final class Version extends ApiCommand {
        @Parameters(index = "0", paramLabel = "DOCUMENT_ID")
        String id;

        @Parameters(index = "1", paramLabel = "VERSION")
        int version;

        @Override
        protected void run() {
            output().object(gateway().get(BASE + "/" + id + "/versions/" + version));
        }
    }

    abstract static class Transition extends ApiCommand {
        @Parameters(index = "0", paramLabel = "DOCUMENT_ID")
        String id;

        @Parameters(index = "1", paramLabel = "VERSION")
        int version;

        void transition(String action, JsonNode body, String done) {
            JsonNode result = gateway().post(BASE + "/" + id + "/versions/" + version + "/" + action, body);
            output().done("Version " + version + " " + done + ".", result);
        }
    }

    @Command(name = "submit", description = "DRAFT -> IN_REVIEW.")
    static final class Submit extends Transition {
        @Override
        protected void run() {
            transition("submit", null, "is in review");
        }
    }

    @Command(name = "return", description = "IN_REVIEW -> DRAFT.")
    static final class Return extends Transition {
        @Override
        protected void run() {
            transition("return", null, "is a draft again");
        }
    }

    @Command(name = "publish", description = "IN_REVIEW -> PUBLISHED, in force from the effective date.")
    static final class Publish extends Transition {
        @Option(names = "--effective-from", required = true, paramLabel = "YYYY-MM-DD")
        String effectiveFrom;

        @Override
        protected void run() {
            transition("publish", body().put("effectiveFrom", effectiveFrom), "published");
        }
    }

    @Command(name = "diff", description = "What changed between two versions (unified diff).")
    static final class Diff extends ApiCommand {
        @Parameters(paramLabel = "DOCUMENT_ID")
        String id;

        @Option(names = "--from", required = true)
        int from;

        @Option(names = "--to", required = true)
        int to;

        @Override
        protected void run() {
            JsonNode diff = gateway().get(BASE + "/" + id + "/diff", Gateway.query("from", from, "to", to));
            if (output().format() != io.kontor.cli.Output.Format.table) {
                output().data(diff);
                return;
            }
            diff.path("lines").forEach(line -> output().line(line.asText()));
        }
    }

    @Command(name = "render", description = "A version as HTML or PDF.")
    static final class Render extends ApiCommand {
        @Parameters(index = "0", paramLabel = "DOCUMENT_ID")
        String id;

        @Parameters(index = "1", paramLabel = "VERSION")
        int version;

        @Option(names = "--as", defaultValue = "pdf", description = "pdf (default) or html")
        String as;

        @Option(names = "--out", paramLabel = "FILE", description = "where it goes (- for standard output)")
        Path out;

        @Override
        protected void run() throws IOException {
            String format = as.toLowerCase(Locale.ROOT);
            String type = switch (format) {
                case "pdf" -> "application/pdf";
                case "html" -> "text/html";
                default -> throw CommandFailure.usage("--as is pdf or html, not " + as);
            };
            save(
                    gateway().document(BASE + "/" + id + "/versions/" + version + "/" + format, type),
                    out,
                    "document-" + version + "." + format);
        }
    }
}
