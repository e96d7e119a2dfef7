package io.boxoffice.gateway.catalogue;

import static io.boxoffice.common.ProblemCodes.MOVIE_NOT_FOUND;
import static io.boxoffice.common.ProblemCodes.SHOW_CANCELLED;
import static io.boxoffice.common.ProblemCodes.SHOW_NOT_FOUND;
import static io.boxoffice.gateway.openapi.Contract.Access.ADMIN;
import static io.boxoffice.gateway.openapi.Contract.Access.PUBLIC;
import static io.boxoffice.gateway.openapi.Contract.Kind.COMMAND;
import static io.boxoffice.gateway.openapi.Contract.Kind.QUERY;

import io.boxoffice.common.Ids;
import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.BookingCommand.CancelShow;
import io.boxoffice.common.booking.BookingCommand.CreateMovie;
import io.boxoffice.common.booking.BookingCommand.CreateShow;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.Movie;
import io.boxoffice.common.booking.SeatMap;
import io.boxoffice.common.booking.Show;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.gateway.Validation;
import io.boxoffice.gateway.command.CommandGateway;
import io.boxoffice.gateway.query.ProcessorQueries;
import io.boxoffice.common.booking.Items;
import io.boxoffice.gateway.security.Caller;
import io.boxoffice.gateway.openapi.Contract;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Movies and shows. Creating and cancelling are commands decided by the processor (admins only, which
 * the security rules enforce); reads come from the processor's stores.
 */
@RestController
class CatalogueController {
    private final CommandGateway commands;
    private final ProcessorQueries queries;

    CatalogueController(CommandGateway commands, ProcessorQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/api/movies")
    @Operation(summary = "Add a movie to the catalogue")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Movie.class)))
    @Contract(access = ADMIN, kind = COMMAND)
    Mono<ResponseEntity<Object>> createMovie(@AuthenticationPrincipal Jwt jwt, @RequestBody NewMovie body) {
        Caller caller = Caller.of(jwt);
        body.validate();
        CreateMovie payload = new CreateMovie(Ids.random(), body.title().strip(), body.durationMinutes());
        return commands.submit(caller, payload, CommandReply::movie,
                reply -> "/api/movies/" + reply.movie().id());
    }

    @GetMapping("/api/movies")
    @Operation(summary = "All movies")
    @Contract(access = PUBLIC, kind = QUERY)
    Mono<Items<Movie>> movies() {
        return queries.movies();
    }

    /** Where a created movie's {@code Location} points. */
    @GetMapping("/api/movies/{movieId}")
    @Operation(summary = "One movie (where a created movie's Location points)")
    @Contract(access = PUBLIC, kind = QUERY, problems = MOVIE_NOT_FOUND)
    Mono<Movie> movie(@PathVariable String movieId) {
        return queries.movie(movieId);
    }

    @GetMapping("/api/movies/{movieId}/shows")
    @Operation(summary = "The shows of a movie")
    @Contract(access = PUBLIC, kind = QUERY, problems = MOVIE_NOT_FOUND)
    Mono<Items<Show>> showsOf(@PathVariable String movieId) {
        return queries.showsOf(movieId);
    }

    /** The movie lives on another partition than the show, so its existence is checked here, before the command. */
    @PostMapping("/api/shows")
    @Operation(summary = "Schedule a show of a movie")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Show.class)))
    @Contract(access = ADMIN, kind = COMMAND, problems = MOVIE_NOT_FOUND)
    Mono<ResponseEntity<Object>> createShow(@AuthenticationPrincipal Jwt jwt, @RequestBody NewShow body) {
        Caller caller = Caller.of(jwt);
        body.validate();
        return queries.movie(body.movieId())
                .flatMap(movie -> commands.submit(caller, new CreateShow(Ids.random(), movie.id(),
                                body.screen().strip(), body.startsAtInstant(), body.totalSeats(),
                                body.maxSeatsPerUserOrDefault(), body.holdSecondsOrDefault(),
                                body.seatsPerRowOrDefault()),
                        CommandReply::show, reply -> "/api/shows/" + reply.show().id()))
                .switchIfEmpty(Mono.error(() -> new ApiException(404, ProblemCodes.MOVIE_NOT_FOUND, "No such movie")));
    }

    @GetMapping("/api/shows/{showId}")
    @Operation(summary = "One show")
    @Contract(access = PUBLIC, kind = QUERY, problems = SHOW_NOT_FOUND)
    Mono<Show> show(@PathVariable String showId) {
        return queries.show(showId);
    }

    @GetMapping("/api/shows/{showId}/seats")
    @Operation(summary = "Which seats of a show are taken")
    @Contract(access = PUBLIC, kind = QUERY, problems = SHOW_NOT_FOUND)
    Mono<SeatMap> seats(@PathVariable String showId) {
        return queries.seats(showId);
    }

    @PostMapping("/api/shows/{showId}/cancel")
    @Operation(summary = "Cancel a show; every active booking of it becomes cancelled")
    @ApiResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = Show.class)))
    @Contract(access = ADMIN, kind = COMMAND, problems = {SHOW_NOT_FOUND, SHOW_CANCELLED})
    Mono<ResponseEntity<Object>> cancelShow(@AuthenticationPrincipal Jwt jwt, @PathVariable String showId) {
        Caller caller = Caller.of(jwt);
        if (!Validation.isId(showId)) {
            return Mono.error(new ApiException(404, ProblemCodes.SHOW_NOT_FOUND, "No such show"));
        }
        return commands.submit(caller, new CancelShow(showId), CommandReply::show, null);
    }
}
