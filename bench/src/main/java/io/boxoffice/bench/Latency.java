package io.boxoffice.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of the storm, in milliseconds. In the open model a request's latency counts from
 * its INTENDED start, the moment the arrival schedule (user n at origin + (n-1)/rate) meant it to leave,
 * not from when it actually left: waiting for a free connection or for a lagging load generator is
 * waiting the user does, so the figures are safe from coordinated omission. The schedule's origin is the
 * earliest one any request implies, so no request is credited with time it did not wait.
 */
record Latency(String basis, long count, double p50, double p90, double p99, double p999, double max) {
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    /** From the intended start of each request under an arrival rate of {@code rate} per second. */
    static Latency fromIntendedStart(List<Tally.Sample> samples, int rate) {
        double interval = 1e9 / rate;
        double origin = Double.MAX_VALUE;
        for (Tally.Sample sample : samples) {
            origin = Math.min(origin, sample.sentNanos() - (sample.userId() - 1) * interval);
        }
        Histogram histogram = histogram();
        for (Tally.Sample sample : samples) {
            double intended = origin + (sample.userId() - 1) * interval;
            histogram.recordValue(micros(sample.endNanos() - intended));
        }
        return of("from intended start (CO-corrected)", histogram);
    }

    /** From the moment each request was handed to the HTTP client (service time plus connection wait). */
    static Latency fromSend(List<Tally.Sample> samples, String basis) {
        Histogram histogram = histogram();
        for (Tally.Sample sample : samples) {
            histogram.recordValue(micros(sample.endNanos() - sample.sentNanos()));
        }
        return of(basis, histogram);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("basis", basis);
        map.put("count", count);
        map.put("p50Ms", p50);
        map.put("p90Ms", p90);
        map.put("p99Ms", p99);
        map.put("p999Ms", p999);
        map.put("maxMs", max);
        return map;
    }

    private static Histogram histogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    private static long micros(double nanos) {
        return Math.max(0, Math.min(HIGHEST_MICROS, Math.round(nanos / 1_000)));
    }

    private static Latency of(String basis, Histogram h) {
        long n = h.getTotalCount();
        return new Latency(basis, n, ms(n, h.getValueAtPercentile(50)), ms(n, h.getValueAtPercentile(90)),
                ms(n, h.getValueAtPercentile(99)), ms(n, h.getValueAtPercentile(99.9)), ms(n, h.getMaxValue()));
    }

    private static double ms(long count, long micros) {
        return count == 0 ? Double.NaN : Math.round(micros / 10.0) / 100.0;
    }
}
