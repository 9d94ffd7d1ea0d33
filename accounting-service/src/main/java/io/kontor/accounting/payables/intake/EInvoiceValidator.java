package io.kontor.accounting.payables.intake;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * Mustang's validator on an incoming invoice's XML: the XML schema of its syntax (CII D16B or UBL 2.1), the EN 16931
 * schematron, and for an XRechnung (by its specification identifier, BT-24) the XRechnung schematron (German CIUS).
 * Errors reject the invoice; notices and warnings are kept with it but do not.
 */
@ApplicationScoped
public class EInvoiceValidator {

    private static final Pattern ERROR = Pattern.compile("<error([^>]*)>(.*?)</error>", Pattern.DOTALL);
    private static final Pattern LOCATION = Pattern.compile("location=\"([^\"]*)\"");
    private static final Pattern EXCEPTION = Pattern.compile("<exception[^>]*>(.*?)</exception>", Pattern.DOTALL);

    /** One finding of the validator: where, and what. */
    public record Message(String location, String text) {}

    public record Report(boolean valid, List<Message> errors) {}

    /**
     * Mustang's validator keeps state per instance and loads its schematron lazily; one at a time keeps intake (a rare,
     * human-paced thing) simple.
     */
    public synchronized Report validate(byte[] xml) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        validator.disableNotices();
        String report = validator.validate(xml, "invoice.xml");
        List<Message> errors = new ArrayList<>();
        Matcher error = ERROR.matcher(report);
        while (error.find()) {
            Matcher location = LOCATION.matcher(error.group(1));
            errors.add(new Message(location.find() ? unescape(location.group(1)) : null, unescape(error.group(2))));
        }
        Matcher exception = EXCEPTION.matcher(report);
        while (exception.find()) {
            String text = unescape(exception.group(1)).strip();
            errors.add(new Message(null, text.lines().findFirst().orElse(text)));
        }
        return new Report(errors.isEmpty() && validator.wasCompletelyValid(), List.copyOf(errors));
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
                .strip();
    }
}
