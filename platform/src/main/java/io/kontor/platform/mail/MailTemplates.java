package io.kontor.platform.mail;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a service's mail text with Qute: {@code mail/<template>.<language>.txt} on the service's classpath, German
 * ({@code de}) and English ({@code en}); another language falls back to German. The first line is the subject, the rest
 * the body, and the company letterhead ({@code letterhead.*}, from the {@code KONTOR_SELLER_*} settings) is available
 * to the template and signs every message from the platform's {@code signature.<language>.txt}. Values are read as maps
 * (Qute resolves map keys without generated resolvers): pass strings, numbers and maps.
 */
@ApplicationScoped
public class MailTemplates {

    public record Rendered(String subject, String body) {}

    @Inject
    Engine engine;

    @Inject
    MailConfig config;

    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    public Rendered render(String template, Locale language, Map<String, Object> data) {
        String lang = "en".equals(language.getLanguage()) ? "en" : "de";
        Map<String, Object> values = new LinkedHashMap<>(data);
        values.put("letterhead", letterhead());
        String text =
                template("mail/" + template + "." + lang + ".txt").data(values).render();
        String signature = template("io/kontor/platform/mail/signature." + lang + ".txt")
                .data(values)
                .render();
        int endOfSubject = text.indexOf('\n');
        if (endOfSubject < 0) {
            throw new IllegalStateException("mail template " + template + " has no body after its subject line");
        }
        String subject = text.substring(0, endOfSubject).strip();
        String body = text.substring(endOfSubject + 1).stripLeading();
        return new Rendered(subject, body.stripTrailing() + "\n\n" + signature.strip() + "\n");
    }

    public Map<String, Object> letterhead() {
        MailConfig.Letterhead letterhead = config.letterhead();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", letterhead.name());
        values.put("street", letterhead.street());
        values.put("postalCode", letterhead.postalCode());
        values.put("city", letterhead.city());
        values.put("phone", letterhead.phone());
        values.put("email", letterhead.email());
        values.put("register", letterhead.register());
        values.put("managingDirectors", letterhead.managingDirectors());
        values.put("vatId", letterhead.vatId());
        return values;
    }

    private Template template(String resource) {
        return parsed.computeIfAbsent(resource, name -> engine.parse(read(name)));
    }

    private static String read(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no mail template " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
