package io.boxoffice.gateway.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.booking.BookingCommand.CancelShow;
import io.boxoffice.common.booking.BookingCommand.CreateMovie;
import io.boxoffice.common.booking.BookingCommand.CreateShow;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.common.booking.Movie;
import io.boxoffice.common.booking.Show;
import io.boxoffice.common.booking.ShowStatus;
import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.Tokens;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Movies and shows over HTTP: admin commands, their input checks, and reads from the processor. */
class CatalogueControllerTest extends GatewayTest {
    private static final String MOVIE_JSON = "{\"id\":\"m1\",\"title\":\"Heat\",\"durationMinutes\":170}";
    private static final String VALID_SHOW = """
            {"movieId":"m1","screen":"Screen 1","startsAt":"2030-01-31T20:00:00+01:00","totalSeats":100}""";

    private WebTestClient.ResponseSpec post(String path, String json) {
        return web.post().uri(path).headers(h -> h.setBearerAuth(Tokens.admin("boss")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @Test
    void shouldAnswer201WithLocationWhenAdminCreatesMovie() {
        // given
        processorReplies(command -> {
            CreateMovie movie = (CreateMovie) command.payload();
            return CommandReply.of(command, Outcome.CREATED,
                    new Movie(movie.movieId(), movie.title(), movie.durationMinutes()));
        });
        // when
        WebTestClient.ResponseSpec response = post("/api/movies", "{\"title\":\"  Heat \",\"durationMinutes\":170}");
        // then
        CreateMovie sentMovie = (CreateMovie) sent().command().payload();
        response.expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/movies/" + sentMovie.movieId())
                .expectBody().jsonPath("$.title").isEqualTo("Heat").jsonPath("$.durationMinutes").isEqualTo(170);
        assertThat(sent().key()).isEqualTo(sentMovie.movieId());
        assertThat(sent().command().admin()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"durationMinutes\":90}", "{\"title\":\"  \",\"durationMinutes\":90}",
            "{\"title\":42,\"durationMinutes\":90}", "{\"title\":\"T\"}", "{\"title\":\"T\",\"durationMinutes\":0}",
            "{\"title\":\"T\",\"durationMinutes\":1001}", "{\"title\":\"T\",\"durationMinutes\":\"90\"}",
            "{\"title\":\"T\",\"durationMinutes\":90.5}", "{\"title\":[\"T\"],\"durationMinutes\":90}", "{"})
    void shouldAnswer400WhenMovieIsInvalid(String json) {
        // when / then
        expectProblem(post("/api/movies", json), 400, "invalid_request");
        assertNothingSent();
    }

    @Test
    void shouldAnswer400WhenTitleIsLongerThan200() {
        // when / then
        expectProblem(post("/api/movies", "{\"title\":\"" + "x".repeat(201) + "\",\"durationMinutes\":90}"),
                400, "invalid_request");
    }

    @Test
    void shouldSendShowWithDefaultLimitWhenAdminCreatesShow() {
        // given
        STUB.answer("GET", "/internal/movies/m1", 200, MOVIE_JSON);
        processorReplies(command -> {
            CreateShow show = (CreateShow) command.payload();
            return CommandReply.of(command, Outcome.CREATED, new Show(show.showId(),
                    show.movieId(), show.screen(), show.startsAt(), show.totalSeats(), show.totalSeats(),
                    show.maxSeatsPerUser(), 600, 20, ShowStatus.OPEN));
        });
        // when
        WebTestClient.ResponseSpec response = post("/api/shows", VALID_SHOW);
        // then
        CreateShow sentShow = (CreateShow) sent().command().payload();
        assertThat(sent().key()).isEqualTo(sentShow.showId());
        assertThat(sentShow.maxSeatsPerUser()).isEqualTo(10);
        assertThat(sentShow.startsAt()).isEqualTo(Instant.parse("2030-01-31T19:00:00Z"));
        response.expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/shows/" + sentShow.showId())
                .expectBody().jsonPath("$.status").isEqualTo("OPEN").jsonPath("$.maxSeatsPerUser").isEqualTo(10)
                .jsonPath("$.startsAt").isEqualTo("2030-01-31T19:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"startsAt\":\"2030-01-31T20:00:00\"", "\"startsAt\":1900000000",
            "\"startsAt\":\"tomorrow\"", "\"startsAt\":null", "\"totalSeats\":0", "\"totalSeats\":100001",
            "\"totalSeats\":\"100\"", "\"maxSeatsPerUser\":0", "\"screen\":\" \"", "\"movieId\":null"})
    void shouldAnswer400WhenShowIsInvalid(String override) {
        // given
        String field = override.substring(0, override.indexOf(':'));
        String json = VALID_SHOW.contains(field) ? VALID_SHOW.replaceFirst(field + ":[^,}]*", override)
                : VALID_SHOW.replace("}", "," + override + "}");
        // when / then
        expectProblem(post("/api/shows", json), 400, "invalid_request");
        assertNothingSent();
    }

    @Test
    void shouldAnswer404MovieNotFoundWithoutCommandWhenShowNamesUnknownMovie() {
        // given
        STUB.answer("GET", "/internal/movies/m1", 404, """
                {"type":"urn:boxoffice:problem:movie_not_found","title":"Not Found","status":404,
                 "detail":"No such movie","code":"movie_not_found"}""");
        // when / then
        expectProblem(post("/api/shows", VALID_SHOW), 404, "movie_not_found");
        assertNothingSent();
    }

    @Test
    void shouldAnswer409WhenShowIsAlreadyCancelled() {
        // given
        processorReplies(command -> refused(command, "show_cancelled", null));
        // when / then
        expectProblem(post("/api/shows/s1show/cancel", ""), 409, "show_cancelled");
        assertThat(sent().command().payload()).isEqualTo(new CancelShow("s1show"));
        assertThat(sent().key()).isEqualTo("s1show");
    }

    @Test
    void shouldPassListsThroughWhenReadingCatalogue() {
        // given
        STUB.answer("GET", "/internal/movies", 200, "{\"items\":[" + MOVIE_JSON + "]}");
        STUB.answer("GET", "/internal/shows/s1show/seats", 200,
                "{\"showId\":\"s1show\",\"totalSeats\":5,\"availableSeats\":3,\"taken\":[1,4]}");
        // when / then
        web.get().uri("/api/movies").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].title").isEqualTo("Heat");
        web.get().uri("/api/shows/s1show/seats").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.availableSeats").isEqualTo(3).jsonPath("$.taken[1]").isEqualTo(4);
        STUB.answer("GET", "/internal/movies/m1", 200, MOVIE_JSON);
        web.get().uri("/api/movies/m1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.durationMinutes").isEqualTo(170);
    }

    @Test
    void shouldPassProcessorProblemThroughWhenShowIsUnknown() {
        // given
        STUB.answer("GET", "/internal/shows/nope", 404, """
                {"type":"urn:boxoffice:problem:show_not_found","title":"Not Found","status":404,
                 "detail":"No such show","code":"show_not_found"}""");
        // when / then
        expectProblem(web.get().uri("/api/shows/nope").exchange(), 404, "show_not_found");
    }

    @Test
    void shouldAnswer503WhenProcessorIsRebalancing() {
        // given
        STUB.answer("GET", "/internal/movies/m1/shows", 503, """
                {"type":"urn:boxoffice:problem:unavailable","title":"Service Unavailable","status":503,
                 "detail":"Rebalancing","code":"unavailable"}""");
        // when / then
        expectProblem(web.get().uri("/api/movies/m1/shows").exchange(), 503, "unavailable");
    }
}
