package io.kontor.platform.events;

/**
 * Header names of the CloudEvents 1.0 Kafka protocol binding in binary content mode: attributes travel as
 * {@code ce_}-prefixed headers, the JSON data is the record value and its media type the {@code content-type} header.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /** CloudEvents extension attribute carrying the request's X-Correlation-Id across services. */
    public static final String CORRELATION_ID = "ce_correlationid";

    /** Added to dead letters: why the consumer gave up, and which consumer it was. */
    public static final String DLQ_ERROR = "kontor_error";

    public static final String DLQ_CONSUMER = "kontor_consumer";

    /** Added to dead letters: where the record was read, since the dead-letter topic is the consuming service's. */
    public static final String DLQ_TOPIC = "kontor_topic";

    public static final String DLQ_PARTITION = "kontor_partition";

    public static final String DLQ_OFFSET = "kontor_offset";

    private CloudEventHeaders() {}
}
