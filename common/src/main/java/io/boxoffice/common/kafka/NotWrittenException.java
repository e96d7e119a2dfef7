package io.boxoffice.common.kafka;

/**
 * A command was certainly not written: its partition cannot replicate it now (no leader, fewer replicas in sync
 * than {@code min.insync.replicas}, a silent cluster), or the producer refused it before appending it (no
 * metadata for its topic in time). Nothing reached the broker, so trying again later is safe. Thrown often
 * during an outage, so it carries no stack trace.
 */
public final class NotWrittenException extends RuntimeException {
    public NotWrittenException(String reason) {
        super("Not written: " + reason, null, false, false);
    }
}
