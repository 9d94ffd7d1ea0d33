package io.kontor.platform.testapp;

import io.kontor.platform.mail.MailAttachment;
import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.mail.MailOutbox;
import io.kontor.platform.mail.MailRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;

/** A business change that sends mail: a note is written and mailed in one transaction. */
@ApplicationScoped
public class NoteMail {

    @Inject
    Notes notes;

    @Inject
    MailOutbox mail;

    @Transactional
    public MailDelivery writeAndMail(String title, String to, Locale language, List<MailAttachment> files) {
        Note note = notes.write(title);
        MailRequest.Builder request = MailRequest.forDocument("note", note.id)
                .to(to)
                .template("note", language)
                .data("title", title)
                .requestedBy("test");
        files.forEach(file -> request.attach(file.fileName(), file.contentType(), file.content()));
        return mail.send(request.build());
    }

    /** The mail is requested, then the change fails: neither the note nor the mail may remain. */
    @Transactional
    public void writeAndMailThenFail(String title, String to) {
        writeAndMail(title, to, Locale.GERMAN, List.of());
        throw new IllegalStateException("the change fails after the mail was requested");
    }
}
