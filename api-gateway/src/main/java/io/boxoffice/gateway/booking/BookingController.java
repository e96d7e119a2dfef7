package io.boxoffice.gateway.booking;

import static io.boxoffice.common.ProblemCodes.ALREADY_CANCELLED;
import static io.boxoffice.common.ProblemCodes.BOOKING_NOT_FOUND;
import static io.boxoffice.gateway.openapi.Contract.Access.USER;
import static io.boxoffice.gateway.openapi.Contract.Kind.COMMAND;
import static io.boxoffice.gateway.openapi.Contract.Kind.QUERY;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand.CancelBooking;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.Ids;
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
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Reading and cancelling bookings (booking itself is the functional {@link BookingRoutes}). A cancellation is a
 * command keyed by the show id (a booking id carries its show's id), decided by the show's single writer, which
 * also checks that only the owner or an admin cancels. Another user's booking is answered 404, exactly as a
 * booking that does not exist. An id that cannot name a show is answered 404 here, so it never becomes a record
 * key.
 */
@RestController
class BookingController {
    private final CommandGateway commands;
    private final ProcessorQueries queries;

    BookingController(CommandGateway commands, ProcessorQueries queries) {
        this.commands = commands;
        this.queries = queries;
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
