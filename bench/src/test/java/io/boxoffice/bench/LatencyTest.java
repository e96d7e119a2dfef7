package io.boxoffice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Latency counts from the arrival schedule, so a request that left late is charged for its wait. */
class LatencyTest {
    private static final long MS = 1_000_000L;

    @Test
    void shouldChargeQueueingWhenRequestsLeaveLaterThanScheduled() {
        // given: 100 requests/s (one per 10 ms); the third one could only leave 50 ms late
        List<Tally.Sample> samples = List.of(
                new Tally.Sample(1, 1_000 * MS, 1_002 * MS),
                new Tally.Sample(2, 1_010 * MS, 1_012 * MS),
                new Tally.Sample(3, 1_070 * MS, 1_072 * MS));
        // when
        Latency intended = Latency.fromIntendedStart(samples, 100);
        Latency send = Latency.fromSend(samples, "send");
        // then
        assertEquals(52.0, intended.max(), 0.1);
        assertEquals(2.0, send.max(), 0.1);
        assertEquals(3, intended.count());
    }
}
