package io.kontor.platform.testapp;

import io.kontor.platform.mail.MailBounced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a service does with a bounce: here it only remembers it, as a dunning notice would be marked undelivered. */
@ApplicationScoped
public class BouncedNotes {

    private final List<MailBounced> bounced = new CopyOnWriteArrayList<>();

    void on(@Observes MailBounced event) {
        bounced.add(event);
    }

    public List<MailBounced> bounced() {
        return List.copyOf(bounced);
    }
}
