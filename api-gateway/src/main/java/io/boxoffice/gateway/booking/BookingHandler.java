package io.boxoffice.gateway.booking;

import static io.boxoffice.common.ProblemCodes.LIMIT_EXCEEDED;
import static io.boxoffice.common.ProblemCodes.SEAT_OUT_OF_RANGE;
import static io.boxoffice.common.ProblemCodes.SEAT_TAKEN;
import static io.boxoffice.common.ProblemCodes.SHOW_CANCELLED;
import static io.boxoffice.common.ProblemCodes.SHOW_NOT_FOUND;
import static io.boxoffice.common.ProblemCodes.SOLD_OUT;
import static io.boxoffice.gateway.openapi.Contract.Access.USER;
import static io.boxoffice.gateway.openapi.Contract.Kind.COMMAND;

import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand.BookSeats;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.gateway.command.CommandGateway;
import io.boxoffice.gateway.command.CommandRequest;
import io.boxoffice.gateway.openapi.Contract;
import io.boxoffice.gateway.requests.RequestOutcome;
import io.boxoffice.gateway.web.RouteAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Books seats: the command is keyed by the show id and decided by the show's single writer. Synchronously by
 * default (201 or the refusal); with {@code Prefer: respond-async} the answer is 202 as soon as the command is
 * durable in Kafka, and the outcome is read at the Location. An {@code Idempotency-Key} makes repeats of the
 * request return its original outcome. An id that cannot name a show is answered 404 here, so it never becomes a
 * record key.
 */
@Component
@Tag(name = "booking-controller") // the OpenAPI document's group of every booking operation, as before this route
class BookingHandler {
    private final CommandGateway commands;
    private final RouteAnswers answers;

    BookingHandler(CommandGateway commands, RouteAnswers answers) {
        this.commands = commands;
        this.answers = answers;
    }

    @Operation(summary = "Book seats (all or nothing)",
            parameters = {
                    @Parameter(name = "showId", in = ParameterIn.PATH, required = true,
                            schema = @Schema(type = "string")),
                    @Parameter(name = CommandRequest.IDEMPOTENCY_KEY, in = ParameterIn.HEADER,
                            description = CommandRequest.IDEMPOTENCY_DOC,
                            schema = @Schema(type = "string", pattern = "^[!-~]{1,64}$", maxLength = 64)),
                    @Parameter(name = CommandRequest.PREFER, in = ParameterIn.HEADER,
                            description = CommandRequest.PREFER_DOC,
                            schema = @Schema(type = "string", example = "respond-async"))},
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = NewBooking.class))))
    @ApiResponse(responseCode = "201", description = "Booked",
            content = @Content(schema = @Schema(implementation = Booking.class)))
    @ApiResponse(responseCode = "202", description = CommandRequest.ACCEPTED_DOC,
            content = @Content(schema = @Schema(implementation = RequestOutcome.class)),
            headers = @Header(name = "Preference-Applied",
                    schema = @Schema(type = "string", example = "respond-async")))
    @Contract(access = USER, kind = COMMAND, problems = {SEAT_OUT_OF_RANGE, SHOW_NOT_FOUND, SEAT_TAKEN, SOLD_OUT,
            SHOW_CANCELLED, LIMIT_EXCEEDED})
    Mono<ServerResponse> book(ServerRequest request) {
        return CommandRequest.read(request, NewBooking.class, NewBooking::validate)
                .flatMap(booking -> commands.decide(booking, request.pathVariable("showId"),
                        showId -> new BookSeats(showId, booking.body().seats()), CommandReply::booking,
                        reply -> "/api/bookings/" + reply.booking().id()))
                .flatMap(answer -> answers.of(request, answer))
                .onErrorResume(failure -> answers.failure(request, failure));
    }
}
