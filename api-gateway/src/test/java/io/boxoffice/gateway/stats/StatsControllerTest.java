package io.boxoffice.gateway.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.Tokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** A show's statistics through the gateway: admins only, relayed from the processor, and streamed on change. */
class StatsControllerTest extends GatewayTest {
    private static final String PATH = "/internal/shows/s1/stats";
    private static final String NOT_FOUND = """
            {"type":"urn:boxoffice:problem:show_not_found","title":"Not Found","status":404,\
            "detail":"No event of show s1 is known","code":"show_not_found"}""";

    private static String figures(int sold) {
        return """
                {"showId":"s1","totalSeats":100,"seatsSold":%d,"seatsAvailable":%d,"bookingsConfirmed":%d,\
                "bookingsCancelled":1,"rejections":{"seat_taken":3,"sold_out":1},\
                "perMinute":[{"minute":"2026-12-01T18:00:00Z","confirmed":%d,"rejected":4}],\
                "updatedAt":"2026-12-01T18:00:42.123Z"}""".formatted(sold, 100 - sold, sold + 1, sold + 1);
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return web.get().uri(path).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).exchange();
    }

    @Test
    void shouldRelayTheFiguresWhenAnAdminAsks() {
        // given
        STUB.answer("GET", PATH, 200, figures(7));
        // when
        WebTestClient.ResponseSpec response = get("/api/shows/s1/stats", Tokens.admin("boss"));
        // then
        response.expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.showId").isEqualTo("s1")
                .jsonPath("$.totalSeats").isEqualTo(100)
                .jsonPath("$.seatsSold").isEqualTo(7)
                .jsonPath("$.seatsAvailable").isEqualTo(93)
                .jsonPath("$.bookingsConfirmed").isEqualTo(8)
                .jsonPath("$.bookingsCancelled").isEqualTo(1)
                .jsonPath("$.rejections.seat_taken").isEqualTo(3)
                .jsonPath("$.rejections.sold_out").isEqualTo(1)
                .jsonPath("$.perMinute[0].minute").isEqualTo("2026-12-01T18:00:00Z")
                .jsonPath("$.perMinute[0].confirmed").isEqualTo(8)
                .jsonPath("$.perMinute[0].rejected").isEqualTo(4)
                .jsonPath("$.updatedAt").isEqualTo("2026-12-01T18:00:42.123Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/shows/s1/stats", "/api/shows/s1/stats/stream"})
    void shouldRefuseWhenCallerIsNotAnAdmin(String path) {
        // given
        STUB.answer("GET", PATH, 200, figures(7));
        // when / then
        expectProblem(get(path, Tokens.user("u1")), 403, "forbidden");
        expectProblem(get(path, null), 401, "unauthenticated");
        assertThat(STUB.received()).noneMatch(request -> request.path().equals(PATH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/shows/s1/stats", "/api/shows/s1/stats/stream"})
    void shouldAnswerShowNotFoundWhenNoEventOfTheShowIsKnown(String path) {
        // given
        STUB.answer("GET", PATH, 404, NOT_FOUND);
        // when / then
        expectProblem(get(path, Tokens.admin("boss")), 404, "show_not_found");
    }

    @Test
    void shouldAnswerUnavailableWhenTheProcessorFails() {
        // given
        STUB.answer("GET", PATH, 500, "boom");
        // when / then
        expectProblem(get("/api/shows/s1/stats", Tokens.admin("boss")), 503, "unavailable");
    }

    @Test
    void shouldSendAnEventAtOnceAndThenOnlyWhenTheFiguresChange() {
        // given
        STUB.answer("GET", PATH, 200, figures(7));
        long started = System.nanoTime();
        // when
        Flux<ServerSentEvent<String>> events = get("/api/shows/s1/stats/stream", Tokens.admin("boss"))
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody()
                .filter(event -> event.event() != null);
        // then
        StepVerifier.create(events)
                .assertNext(event -> assertStats(event, 7))
                .expectNoEvent(Duration.ofMillis(1200))
                .then(() -> STUB.answer("GET", PATH, 200, figures(9)))
                .assertNext(event -> assertStats(event, 9))
                .then(() -> STUB.answer("GET", PATH, 503, "{\"code\":\"unavailable\"}"))
                .expectNoEvent(Duration.ofMillis(600))
                .then(() -> STUB.answer("GET", PATH, 200, figures(9)))
                .expectNoEvent(Duration.ofMillis(600))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        long polls = STUB.received().stream().filter(request -> request.path().equals(PATH)).count();
        assertThat(polls).as("polled every 250 ms while nothing was sent, in %d ms", elapsedMs)
                .isGreaterThanOrEqualTo(6L).isLessThanOrEqualTo(elapsedMs / StatsController.POLL.toMillis() + 2);
    }

    private static void assertStats(ServerSentEvent<String> event, int sold) {
        assertThat(event.event()).isEqualTo(StatsController.EVENT);
        assertThat(event.data()).contains("\"seatsSold\":" + sold).contains("\"showId\":\"s1\"");
    }
}
