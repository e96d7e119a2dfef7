package io.boxoffice.gateway.booking;

import static io.boxoffice.common.ProblemCodes.ALREADY_CANCELLED;
import static io.boxoffice.common.ProblemCodes.BOOKING_NOT_FOUND;
import static io.boxoffice.common.ProblemCodes.LIMIT_EXCEEDED;
import static io.boxoffice.common.ProblemCodes.SEAT_OUT_OF_RANGE;
import static io.boxoffice.common.ProblemCodes.SEAT_TAKEN;
import static io.boxoffice.common.ProblemCodes.SHOW_CANCELLED;
import static io.boxoffice.common.ProblemCodes.SHOW_NOT_FOUND;
import static io.boxoffice.common.ProblemCodes.SOLD_OUT;
import static io.boxoffice.gateway.openapi.Contract.Access.USER;
import static io.boxoffice.gateway.openapi.Contract.Kind.COMMAND;
import static io.boxoffice.gateway.openapi.Contract.Kind.QUERY;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.BookingCommand.CancelBooking;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.Ids;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.gateway.Validation;
import io.boxoffice.gateway.command.CommandGateway;
import io.boxoffice.gateway.query.ProcessorQueries;
import io.boxoffice.common.booking.Items;
import io.boxoffice.gateway.security.Caller;
import io.boxoffice.gateway.requests.RequestOutcome;
import io.boxoffice.gateway.openapi.Contract;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Booking and cancelling seats: both are commands keyed by the show id (a booking id carries its show's
 * id), decided by the show's single writer, which also checks that only the owner or an admin cancels.
 * Another user's booking is answered 404, exactly as a booking that does not exist. An id that cannot
 * name a show is answered 404 here, so it never becomes a record key.
 */
@RestController
class BookingController {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String PREFER = "Prefer";
    private static final String IDEMPOTENCY_DOC = "1-64 visible ASCII characters. A repeat with the same key by the "
            + "same user for the same show is the same request: it returns the original outcome (same status, same "
            + "booking) and books nothing more, even with another body, for 24 h.";
    private static final String ACCEPTED_DOC = "With `Prefer: respond-async`: the command is durable in Kafka; "
            + "its outcome is read at the Location";
    private static final String PREFER_DOC = "`respond-async` asks for 202 as soon as the command is durable; other "
            + "preferences (e.g. `wait`) are ignored.";
    private final CommandGateway commands;
    private final ProcessorQueries queries;

    BookingController(CommandGateway commands, ProcessorQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * Books seats. Synchronously by default (201 or the refusal); with {@code Prefer: respond-async} the
     * answer is 202 as soon as the command is durable in Kafka, and the outcome is read at the Location.
     * An {@code Idempotency-Key} makes repeats of the request return its original outcome.
     */
    @PostMapping("/api/shows/{showId}/bookings")
    @Operation(summary = "Book seats (all or nothing)")
    @ApiResponse(responseCode = "201", description = "Booked",
            content = @Content(schema = @Schema(implementation = Booking.class)))
    @ApiResponse(responseCode = "202", description = ACCEPTED_DOC,
            content = @Content(schema = @Schema(implementation = RequestOutcome.class)),
            headers = @Header(name = "Preference-Applied",
                    schema = @Schema(type = "string", example = "respond-async")))
    @Contract(access = USER, kind = COMMAND, problems = {SEAT_OUT_OF_RANGE, SHOW_NOT_FOUND, SEAT_TAKEN, SOLD_OUT,
            SHOW_CANCELLED, LIMIT_EXCEEDED})
    Mono<ResponseEntity<Object>> book(@AuthenticationPrincipal Jwt jwt, @PathVariable String showId,
                                      @Parameter(description = IDEMPOTENCY_DOC,
                                              schema = @Schema(pattern = "^[!-~]{1,64}$", maxLength = 64))
                                      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                      @Parameter(description = PREFER_DOC,
                                              schema = @Schema(type = "string", example = "respond-async"))
                                      @RequestHeader(name = PREFER, required = false) List<String> prefer,
                                      @RequestBody NewBooking body) {
        Caller caller = Caller.of(jwt);
        String idempotencyKey = Validation.idempotencyKey(key);
        body.validate();
        if (!Validation.isId(showId)) {
            return Mono.error(new ApiException(404, ProblemCodes.SHOW_NOT_FOUND, "No such show"));
        }
        BookSeats payload = new BookSeats(showId, body.seats());
        if (RequestOutcome.prefersAsync(prefer)) {
            return commands.accept(caller, payload, idempotencyKey, RequestOutcome::accepted);
        }
        return commands.submit(caller, payload, idempotencyKey, CommandReply::booking,
                reply -> "/api/bookings/" + reply.booking().id());
    }

    @GetMapping("/api/bookings/{bookingId}")
    @Operation(summary = "Read a booking (its owner or an admin)")
    @Contract(access = USER, kind = QUERY, problems = BOOKING_NOT_FOUND)
    Mono<Booking> booking(@AuthenticationPrincipal Jwt jwt, @PathVariable String bookingId) {
        Caller caller = Caller.of(jwt);
        return queries.booking(bookingId)
                .filter(booking -> caller.mayAccess(booking.userId()))
                .switchIfEmpty(Mono.error(BookingController::notFound));
    }

    @PostMapping("/api/bookings/{bookingId}/cancel")
    @Operation(summary = "Cancel a booking (its owner or an admin); its seats are free at once")
    @ApiResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = Booking.class)))
    @Contract(access = USER, kind = COMMAND, problems = {BOOKING_NOT_FOUND, ALREADY_CANCELLED})
    Mono<ResponseEntity<Object>> cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable String bookingId) {
        Caller caller = Caller.of(jwt);
        if (!Validation.isId(Ids.showOf(bookingId))) {
            return Mono.error(notFound());
        }
        return commands.submit(caller, new CancelBooking(bookingId), CommandReply::booking, null);
    }

    @GetMapping("/api/users/me/bookings")
    @Operation(summary = "The caller's bookings, newest first, active and cancelled")
    @Contract(access = USER, kind = QUERY)
    Mono<Items<Booking>> mine(@AuthenticationPrincipal Jwt jwt) {
        return queries.bookingsOf(Caller.of(jwt).userId());
    }

    private static ApiException notFound() {
        return new ApiException(404, ProblemCodes.BOOKING_NOT_FOUND, "No such booking");
    }
}
