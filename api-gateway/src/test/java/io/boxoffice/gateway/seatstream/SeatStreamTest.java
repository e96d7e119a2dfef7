package io.boxoffice.gateway.seatstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.booking.BookingEvent;
import io.boxoffice.common.booking.BookingEvent.EventType;
import io.boxoffice.gateway.support.GatewayTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The live seat stream over HTTP; decisions are handed to the channels as the feed would hand them. */
class SeatStreamTest extends GatewayTest {
    private static final String SEATS = "/internal/shows/%s/seats";

    @Autowired
    SeatChannels channels;

    @Test
    void shouldSendTheSnapshotThenEachFlushsChangesWhenDecisionsArrive() {
        // given
        STUB.answer("GET", SEATS.formatted("s1show"), 200,
                "{\"showId\":\"s1show\",\"totalSeats\":10,\"availableSeats\":9,\"taken\":[1],\"held\":[]}");
        // when
        Flux<ServerSentEvent<String>> events = open("s1show");
        // then
        StepVerifier.create(events)
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("snapshot");
                    assertThat(event.data()).contains("\"taken\":[1]", "\"availableSeats\":9");
                })
                .then(() -> {
                    channels.apply("s1show", event(EventType.BOOKING_CONFIRMED, List.of(2, 3), 7));
                    channels.apply("s1show", event(EventType.HOLD_PLACED, List.of(4), 6));
                    channels.apply("s1show", event(EventType.BOOKING_REJECTED, List.of(4), 6));
                    channels.flush();
                })
                .assertNext(event -> assertThat(event.data()).isEqualTo(
                        "{\"showId\":\"s1show\",\"seats\":[2,3],\"state\":\"TAKEN\",\"availableSeats\":6}"))
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("change");
                    assertThat(event.data()).isEqualTo(
                            "{\"showId\":\"s1show\",\"seats\":[4],\"state\":\"HELD\",\"availableSeats\":6}");
                })
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void shouldAskTheWriterOnceWhenSeveralStreamsOpenTheSameShow() {
        // given
        STUB.answer("GET", SEATS.formatted("s2show"), 200,
                "{\"showId\":\"s2show\",\"totalSeats\":10,\"availableSeats\":10,\"taken\":[],\"held\":[]}");
        // when three streams open one after the other
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(open("s2show"))
                    .assertNext(event -> assertThat(event.event()).isEqualTo("snapshot"))
                    .thenCancel()
                    .verify(Duration.ofSeconds(10));
        }
        // then the show's state was read once: the others started from this gateway's own
        assertThat(STUB.received()).filteredOn(request -> request.path().equals(SEATS.formatted("s2show")))
                .hasSize(1);
    }

    @Test
    void shouldAnswerShowNotFoundBeforeStreamingWhenThereIsNoSuchShow() {
        // given
        STUB.answer("GET", SEATS.formatted("nosuchshow"), 404,
                "{\"type\":\"urn:boxoffice:problem:show_not_found\",\"title\":\"Not Found\",\"status\":404,"
                        + "\"detail\":\"No show nosuchshow\",\"code\":\"show_not_found\"}");
        // when / then
        expectProblem(web.get().uri("/api/shows/nosuchshow/seats/events").exchange(), 404, "show_not_found");
        expectProblem(web.get().uri("/api/shows/NOT-AN-ID/seats/events").exchange(), 404, "show_not_found");
        assertThat(STUB.received()).noneMatch(request -> request.path().contains("NOT-AN-ID"));
        assertThat(channels.watches("nosuchshow")).isFalse();
    }

    private Flux<ServerSentEvent<String>> open(String showId) {
        return web.get().uri("/api/shows/" + showId + "/seats/events")
                .headers(headers -> headers.setBearerAuth("stale-or-foreign-token-is-ignored"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody()
                .filter(event -> event.event() != null);
    }

    private static BookingEvent event(EventType type, List<Integer> seats, int availableSeats) {
        return new BookingEvent("e", type, BookingEvent.SCHEMA_VERSION, null, "s", "r", null, null, null, null, null,
                availableSeats, null, null, seats, null, null, null, null, null, null);
    }
}
