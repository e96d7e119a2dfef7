package io.boxoffice.processor.stats;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time for the statistics is the event's own {@code occurredAt}, not when it was written or read, so
 * that rebuilding from the topic puts every event in the same one-minute window as the live run did.
 * A document without it falls back to its record timestamp.
 */
final class OccurredAt implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof FeedEvent event && event.occurredAt() != null) {
            return event.occurredAt().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
