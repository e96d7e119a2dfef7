package io.boxoffice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers are counted by status and problem code, and the ids to audit are kept. */
class TallyTest {

    @Test
    void shouldCountConflictsByCodeAndKeepBookingIdsWhenAnswersArrive() {
        // given
        Tally tally = new Tally();
        long sent = tally.sending();
        // when
        tally.record(1, 0, sent, 201, "{\"id\":\"show1-7\",\"showId\":\"show1\",\"userId\":\"u\",\"seats\":[3]}");
        tally.record(2, 1, sent, 409, "{\"type\":\"urn:boxoffice:problem:seat_taken\",\"code\":\"seat_taken\"}");
        tally.record(3, 1, sent, 409, "{\"code\":\"sold_out\",\"status\":409}");
        tally.record(4, 2, sent, 202, "{\"requestId\":\"show1-rabc\",\"status\":\"PENDING\"}");
        tally.record(5, 2, sent, null, null);
        // then
        assertEquals(1, tally.count("201"));
        assertEquals(1, tally.count("409 seat_taken"));
        assertEquals(2, tally.count("409"));
        assertEquals(1, tally.count("no answer"));
        assertEquals(4, tally.answered());
        assertEquals(List.of(new Tally.Won(0, "show1-7")), tally.confirmed());
        assertEquals(List.of(new Tally.Won(2, "show1-rabc")), tally.accepted());
        assertEquals(5, tally.samples().size());
    }

    @Test
    void shouldFindTopLevelStringFieldWhenBodyIsSmallJson() {
        // then
        assertEquals("show1-rabc", Tally.field("{\"requestId\":\"show1-rabc\"}", "requestId"));
        assertNull(Tally.field("{\"requestId\":\"show1-rabc\"}", "id"));
        assertNull(Tally.field(null, "id"));
        assertEquals("503 overloaded", Tally.outcomeOf(503, "overloaded"));
        assertEquals("504", Tally.outcomeOf(504, null));
        assertEquals("201", Tally.outcomeOf(201, "show1-7"));
    }

    @Test
    void shouldNameShowOfRequestWhenRequestIdIsGiven() {
        // then
        assertEquals("k3v9x0q2m1n8b7c4", AsyncDrain.showOf("k3v9x0q2m1n8b7c4-r5f2k9d0s1a8e3w6qz4x7c2v1b0"));
    }
}
