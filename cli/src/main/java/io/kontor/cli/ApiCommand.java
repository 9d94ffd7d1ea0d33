package io.kontor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command that calls the platform needs: the gateway, the chosen output, documents saved to files. */
public abstract class ApiCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        run();
        return 0;
    }

    protected abstract void run() throws Exception;

    protected Kontor kontor() {
        return (Kontor) spec.root().userObject();
    }

    protected Gateway gateway() {
        return kontor().gateway();
    }

    protected Output output() {
        return kontor().output(spec.commandLine().getOut());
    }

    protected static ObjectNode body() {
        return Gateway.JSON.createObjectNode();
    }

    /**
     * Saves a document to {@code file}; without one, to the name the service suggests or {@code fallbackName} in the
     * current directory; {@code -} writes it to standard output for a pipe.
     */
    protected void save(Gateway.Document document, Path file, String fallbackName) throws IOException {
        if (file != null && file.toString().equals("-")) {
            OutputStream stdout = System.out;
            stdout.write(document.content());
            stdout.flush();
            return;
        }
        // A name from the server is only a name: no directories, no way out of the current one.
        Path target = file != null
                ? file
                : Path.of(document.suggestedName()
                        .map(name -> Path.of(name).getFileName().toString())
                        .orElse(fallbackName));
        try {
            Files.write(target, document.content());
        } catch (IOException e) {
            throw CommandFailure.usage("cannot write " + target + ": " + e.getMessage(), e);
        }
        ObjectNode saved = body().put("file", target.toString())
                .put("bytes", document.content().length)
                .put("contentType", document.contentType());
        output().done("Saved " + target + " (" + document.content().length + " bytes).", saved);
    }

    protected static String id(JsonNode node) {
        return node.path("id").asText();
    }
}
