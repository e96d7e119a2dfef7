package io.boxoffice.common.deadletter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The headers of a dead letter, and the Streams settings that route what the deciders do not catch.
 *
 * <p>A dead letter keeps the original key, value and headers and adds Kafka Streams' own dead-letter headers
 * (KIP-1034: source topic, partition, offset, exception, message, stack trace), so a record dead-lettered by a
 * decider reads like one dead-lettered by Streams, plus Boxoffice's {@link #REASON} code and {@link #DETAIL}.
 * Header values are UTF-8 text.
 */
public final class DeadLetters {
    /** A {@link DeadLetterReason#code()}. */
    public static final String REASON = "boxoffice.dlq.reason";
    /** What exactly was wrong, for a person. */
    public static final String DETAIL = "boxoffice.dlq.detail";
    /** For {@link DeadLetterReason#BAD_STORED_VALUE}: the store the value was removed from. */
    public static final String STORE = "boxoffice.dlq.store";

    // Kafka Streams' dead-letter headers; the names are public in KIP-1034 (its constants are internal API).
    public static final String SOURCE_TOPIC = "__streams.errors.topic";
    public static final String SOURCE_PARTITION = "__streams.errors.partition";
    public static final String SOURCE_OFFSET = "__streams.errors.offset";
    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String EXCEPTION_MESSAGE = "__streams.errors.message";
    public static final String STACKTRACE = "__streams.errors.stacktrace";

    private DeadLetters() {
    }

    /**
     * Routes failures the deciders do not catch themselves (in nodes after them) to {@code deadLetterTopic}
     * with Streams' own dead-letter record, and goes on with the next record instead of stopping the thread,
     * which a replaced thread would repeat on the same record forever.
     */
    public static Properties route(Properties streams, String deadLetterTopic) {
        streams.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
        streams.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class);
        return streams;
    }

    /** The headers of a command's dead letter: {@code original}'s, its source position, the reason and error. */
    public static Headers of(Headers original, DeadLetterReason reason, String detail, RecordMetadata source,
                             Throwable error) {
        RecordHeaders headers = new RecordHeaders(original == null ? null : original.toArray());
        if (source != null) {
            add(headers, SOURCE_TOPIC, source.topic());
            add(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
            add(headers, SOURCE_OFFSET, Long.toString(source.offset()));
        }
        if (error != null) {
            add(headers, EXCEPTION, error.getClass().getName());
            add(headers, EXCEPTION_MESSAGE, String.valueOf(error.getMessage()));
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            add(headers, STACKTRACE, trace.toString());
        }
        add(headers, REASON, reason.code());
        add(headers, DETAIL, detail);
        return headers;
    }

    /** The headers of a stored value removed from {@code store}. */
    public static Headers ofStoredValue(String store, String detail) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, REASON, DeadLetterReason.BAD_STORED_VALUE.code());
        add(headers, DETAIL, detail);
        add(headers, STORE, store);
        return headers;
    }

    /** The text of header {@code name}, or null. */
    public static String text(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
