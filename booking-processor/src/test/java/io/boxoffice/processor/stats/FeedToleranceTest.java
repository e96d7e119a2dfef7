package io.boxoffice.processor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics read the feed as any consumer must (docs/events.md): unknown fields are ignored, unknown
 * types and newer major versions are skipped, a document that is not JSON is skipped, and the window of an
 * event is chosen by its {@code occurredAt}, not by when it was written.
 */
class FeedToleranceTest {
    private static final String SHOW = "show1";
    private static final Instant WRITTEN = Instant.parse("2026-12-02T09:00:00Z");

    @TempDir
    Path state;
    private StatsDriver stats;

    @BeforeEach
    void start() {
        stats = new StatsDriver(state);
        stats.pipe(SHOW, event("SHOW_SCHEDULED", 1, "18:00:00", ""), WRITTEN);
    }

    @AfterEach
    void close() {
        stats.close();
    }

    private static String event(String type, int version, String time, String more) {
        return "{\"eventId\":\"" + SHOW + "-r" + time + type + "-e0\",\"type\":\"" + type + "\",\"schemaVersion\":"
                + version + ",\"occurredAt\":\"2026-12-01T" + time + "Z\",\"showId\":\"" + SHOW
                + "\",\"totalSeats\":10" + more + "}";
    }

    @Test
    void shouldCountEventsWhenTheyCarryFieldsAddedLater() {
        // when
        stats.pipe(SHOW, event("BOOKING_CONFIRMED", 1, "18:01:10", ",\"seats\":[1,2],\"loyaltyTier\":\"gold\","
                + "\"venue\":{\"city\":\"Lyon\"}"), WRITTEN);
        // then
        ShowStats figures = stats.stats(SHOW).orElseThrow();
        assertThat(figures.seatsSold()).isEqualTo(2);
        assertThat(figures.perMinute()).containsExactly(
                new ShowStats.Minute(Instant.parse("2026-12-01T18:01:00Z"), 1, 0));
    }

    @Test
    void shouldSkipDocumentsWhenTheyAreNotUnderstood() {
        // when
        stats.pipe(SHOW, "not json at all", WRITTEN)
                .pipe(SHOW, event("BOOKING_CONFIRMED", 2, "18:01:00", ",\"seats\":[1]"), WRITTEN)
                .pipe(SHOW, event("BOOKING_WAITLISTED", 1, "18:01:00", ",\"seats\":[1]"), WRITTEN)
                .pipe(SHOW, event("BOOKING_CONFIRMED", 1, "18:02:00", ",\"seats\":\"one\""), WRITTEN)
                .pipe("othershow", event("BOOKING_CONFIRMED", 1, "18:01:00", ",\"seats\":[1]"), WRITTEN)
                .pipe(SHOW, event("BOOKING_REJECTED", 1, "18:03:00", ",\"seats\":[4],\"reason\":\"sold_out\""),
                        WRITTEN);
        // then
        ShowStats figures = stats.stats(SHOW).orElseThrow();
        assertThat(figures.bookingsConfirmed()).isZero();
        assertThat(figures.seatsSold()).isZero();
        assertThat(figures.rejections()).isEqualTo(Map.of("sold_out", 1L));
        assertThat(stats.stats("othershow")).isEmpty();
    }
}
