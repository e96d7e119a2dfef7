package io.boxoffice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading wrk's per-connection answer files: outcomes, ids to audit, and arrivals that got no answer. */
class WrkAnswersTest {
    @TempDir
    Path dir;

    @Test
    void shouldCountUnansweredArrivalsWhenAConnectionFellBehind() throws IOException {
        // given 2 connections, 2 arrivals/s for 2 s: connection 0 serves arrivals 0 and 2, connection 1 serves 1 and 3
        Files.write(dir.resolve("conn-0.tsv"), List.of("#t0\t1000000", "0\t1000000\t1005000\t201\t3\tshow1-1",
                "2\t2000000\t2004000\t409\t1\tseat_taken", "#done"));
        Files.write(dir.resolve("conn-1.tsv"), List.of("#t0\t1000000", "1\t1500000\t1502000\t201\t0\tshow1-2"));
        // when
        Tally tally = WrkAnswers.read(dir, 2, 2, 2, 9_000_000_000L);
        // then
        assertEquals(1, tally.count("no answer"));
        assertEquals(2, tally.count("201"));
        assertEquals(1, tally.count("409 seat_taken"));
        assertEquals(List.of(new Tally.Won(3, "show1-1"), new Tally.Won(0, "show1-2")), tally.confirmed());
        assertEquals(4, tally.samples().size());
        Tally.Sample lost = tally.samples().stream().filter(s -> s.userId() == 4).findFirst().orElseThrow();
        assertEquals(2_500_000_000L, lost.sentNanos(), "due at t0 + 3/rate");
        assertEquals(9_000_000_000L, lost.endNanos());
    }

    @Test
    void shouldIgnoreLineCutOffWhenWrkWasStopped() throws IOException {
        // given arrival 1's line was being written when wrk was stopped
        Files.writeString(dir.resolve("conn-0.tsv"), "#t0\t1000000\n0\t1000000\t1002000\t202\t0\tshow1-rabc\n"
                + "1\t2000000\t2003000\t202\t1\tshow1-rd");
        // when
        Tally tally = WrkAnswers.read(dir, 1, 1, 2, 9_000_000_000L);
        // then
        assertEquals(List.of(new Tally.Won(0, "show1-rabc")), tally.accepted());
        assertEquals(1, tally.count("no answer"));
    }

    @Test
    void shouldTellWhenAConnectionIsDone() throws IOException {
        // given
        Files.write(dir.resolve("conn-0.tsv"), List.of("#t0\t1", "#done"));
        Files.write(dir.resolve("conn-1.tsv"), List.of("#t0\t1"));
        // then
        assertTrue(WrkAnswers.finished(dir, 0));
        assertFalse(WrkAnswers.finished(dir, 1));
        assertFalse(WrkAnswers.finished(dir, 2));
    }
}
