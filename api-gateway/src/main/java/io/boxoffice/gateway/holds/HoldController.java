package io.boxoffice.gateway.holds;

import static io.boxoffice.common.ProblemCodes.HOLD_CONFIRMED;
import static io.boxoffice.common.ProblemCodes.HOLD_EXPIRED;
import static io.boxoffice.common.ProblemCodes.HOLD_NOT_FOUND;
import static io.boxoffice.common.ProblemCodes.HOLD_RELEASED;
import static io.boxoffice.common.ProblemCodes.SHOW_CANCELLED;
import static io.boxoffice.gateway.openapi.Contract.Access.USER;
import static io.boxoffice.gateway.openapi.Contract.Kind.COMMAND;
import static io.boxoffice.gateway.openapi.Contract.Kind.QUERY;

import io.boxoffice.common.Ids;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand.ConfirmHold;
import io.boxoffice.common.booking.BookingCommand.ReleaseHold;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.Hold;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.gateway.Validation;
import io.boxoffice.gateway.command.CommandGateway;
import io.boxoffice.gateway.openapi.Contract;
import io.boxoffice.gateway.query.ProcessorQueries;
import io.boxoffice.gateway.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Reading, confirming and releasing holds (placing one is the functional {@link HoldRoutes}). Confirm and release
 * are commands keyed by the show id a hold id carries, decided by the show's single writer, which also checks who
 * may: the owner confirms; the owner or an admin releases. Another user's hold is answered 404, exactly as a hold
 * that does not exist. An id that cannot name a show is answered 404 here, so it never becomes a record key.
 */
@RestController
class HoldController {
    private final CommandGateway commands;
    private final ProcessorQueries queries;

    HoldController(CommandGateway commands, ProcessorQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping("/api/holds/{holdId}")
    @Operation(summary = "Read a hold (its owner or an admin)")
    @Contract(access = USER, kind = QUERY, problems = HOLD_NOT_FOUND)
    Mono<Hold> hold(@AuthenticationPrincipal Jwt jwt, @PathVariable String holdId) {
        Caller caller = Caller.of(jwt);
        return queries.hold(holdId)
                .filter(hold -> caller.mayAccess(hold.userId()))
                .switchIfEmpty(Mono.error(HoldController::notFound));
    }

    @PostMapping("/api/holds/{holdId}/confirm")
    @Operation(summary = "Confirm a hold (its owner): its seats become an ACTIVE booking; a repeat answers 200 "
            + "with the same booking")
    @ApiResponse(responseCode = "201", description = "Booked",
            content = @Content(schema = @Schema(implementation = Booking.class)))
    @ApiResponse(responseCode = "200", description = "Confirmed before: the same booking",
            content = @Content(schema = @Schema(implementation = Booking.class)))
    @Contract(access = USER, kind = COMMAND, problems = {HOLD_NOT_FOUND, HOLD_EXPIRED, HOLD_RELEASED, SHOW_CANCELLED})
    Mono<ResponseEntity<Object>> confirm(@AuthenticationPrincipal Jwt jwt, @PathVariable String holdId) {
        Caller caller = Caller.of(jwt);
        if (!showScoped(holdId)) {
            return Mono.error(notFound());
        }
        return commands.submit(caller, new ConfirmHold(holdId), CommandReply::booking,
                reply -> "/api/bookings/" + reply.booking().id());
    }

    @DeleteMapping("/api/holds/{holdId}")
    @Operation(summary = "Release a hold (its owner or an admin): its seats are free at once; releasing a released "
            + "hold answers 200 again")
    @ApiResponse(responseCode = "200", description = "Released",
            content = @Content(schema = @Schema(implementation = Hold.class)))
    @Contract(access = USER, kind = COMMAND, problems = {HOLD_NOT_FOUND, HOLD_EXPIRED, HOLD_CONFIRMED})
    Mono<ResponseEntity<Object>> release(@AuthenticationPrincipal Jwt jwt, @PathVariable String holdId) {
        Caller caller = Caller.of(jwt);
        if (!showScoped(holdId)) {
            return Mono.error(notFound());
        }
        return commands.submit(caller, new ReleaseHold(holdId), CommandReply::hold, null);
    }

    private static boolean showScoped(String holdId) {
        return Validation.isId(Ids.showOf(holdId));
    }

    private static ApiException notFound() {
        return new ApiException(404, HOLD_NOT_FOUND, "No such hold");
    }
}
