package io.boxoffice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flags become settings: the issue's target by default, a few seconds for a smoke, nonsense refused. */
class BenchSettingsTest {

    @Test
    void shouldUseIssueTargetWhenNoFlagIsGiven() {
        // when
        BenchSettings settings = BenchSettings.from(Map.of());
        // then
        assertEquals(Scenario.SYNC, settings.scenario());
        assertEquals(1, settings.shows());
        assertEquals(10_000, settings.seats());
        assertEquals(200, settings.connections());
        assertEquals(30, settings.durationSeconds());
        assertEquals(5_000, settings.rate());
        assertTrue(settings.openModel());
        assertEquals("http://127.0.0.1:8080", settings.url());
    }

    @Test
    void shouldUseHundredShowsOfThousandSeatsWhenScenarioIsShows() {
        // when
        BenchSettings settings = BenchSettings.from(Map.of("scenario", "shows"));
        // then
        assertEquals(100, settings.shows());
        assertEquals(1_000, settings.seats());
    }

    @Test
    void shouldUseClosedModelWhenRateIsMaxOrScenarioIsCeiling() {
        // then
        assertFalse(BenchSettings.from(Map.of("rate", "max")).openModel());
        assertFalse(BenchSettings.from(Map.of("scenario", "ceiling")).openModel());
        assertEquals(10_000, BenchSettings.from(Map.of("scenario", "async")).rate());
    }

    @Test
    void shouldShrinkEverythingWhenSmokeIsAskedButKeepExplicitFlags() {
        // when
        BenchSettings settings = BenchSettings.from(Map.of("smoke", "true", "connections", "4"));
        // then
        assertEquals(10, settings.users());
        assertEquals(3, settings.durationSeconds());
        assertEquals(50, settings.rate());
        assertEquals(4, settings.connections());
    }

    @Test
    void shouldRaisePerUserLimitWhenUsersCouldNotBuyTheWholeShow() {
        // then
        assertEquals(60, BenchSettings.from(Map.of()).maxSeatsPerUser());
        assertEquals(10, BenchSettings.from(Map.of("users", "5000", "seats", "1000")).maxSeatsPerUser());
    }

    @Test
    void shouldHoldForTheContractsMinimumWhenCheckoutHasNoFlags() {
        // when
        BenchSettings settings = BenchSettings.from(Map.of("scenario", "checkout"));
        // then
        assertEquals(new BenchSettings.Checkout(10, 8_000, 30, 50), settings.checkout());
        assertEquals(500, settings.rate());
        assertEquals("/api/shows/s1/holds", settings.scenario().path("s1"));
    }

    @Test
    void shouldRefuseCheckoutWhenGeneratorIsWrkOrBuyersAreOutOfRange() {
        // then
        assertThrows(IllegalArgumentException.class,
                () -> BenchSettings.from(Map.of("scenario", "checkout", "generator", "wrk")));
        assertThrows(IllegalArgumentException.class, () -> BenchSettings.from(Map.of("hold-seconds", "9")));
        assertThrows(IllegalArgumentException.class, () -> BenchSettings.from(Map.of("abandon", "101")));
        assertThrows(IllegalArgumentException.class, () -> BenchSettings.from(Map.of("best", "-1")));
    }

    @Test
    void shouldRefuseAWrkRunWhenItWouldOutliveTheTokensItReadsOnce() {
        // then
        assertThrows(IllegalArgumentException.class,
                () -> BenchSettings.from(Map.of("generator", "wrk", "duration", "590", "warmup", "20")));
        assertEquals(600, BenchSettings.from(Map.of("generator", "wrk", "duration", "580", "warmup", "20"))
                .durationSeconds() + 20);
    }

    @Test
    void shouldRefuseWhenValuesAreOutOfRange() {
        // then
        assertThrows(IllegalArgumentException.class, () -> BenchSettings.from(Map.of("scenario", "storm")));
        assertThrows(IllegalArgumentException.class, () -> BenchSettings.from(Map.of("seats", "0")));
        assertThrows(IllegalArgumentException.class, () -> BenchSettings.from(Map.of("rate", "fast")));
        assertThrows(IllegalArgumentException.class, () -> BenchSettings.from(Map.of("url", "ftp://x")));
    }
}
