package io.boxoffice.common.kafka;

/**
 * A command was not written because its partition cannot replicate it now (no leader, or fewer replicas in
 * sync than {@code min.insync.replicas}). Nothing reached the broker, so trying again later is safe. Thrown
 * often during an outage, so it carries no stack trace.
 */
public final class UnreplicatedWriteException extends RuntimeException {
    public UnreplicatedWriteException(String reason) {
        super("Not written: " + reason, null, false, false);
    }
}
