package io.boxoffice.gateway.holds;

import static io.boxoffice.common.ProblemCodes.LIMIT_EXCEEDED;
import static io.boxoffice.common.ProblemCodes.NOT_ENOUGH_SEATS;
import static io.boxoffice.common.ProblemCodes.SEAT_OUT_OF_RANGE;
import static io.boxoffice.common.ProblemCodes.SEAT_TAKEN;
import static io.boxoffice.common.ProblemCodes.SHOW_CANCELLED;
import static io.boxoffice.common.ProblemCodes.SHOW_NOT_FOUND;
import static io.boxoffice.common.ProblemCodes.SOLD_OUT;
import static io.boxoffice.gateway.openapi.Contract.Access.USER;
import static io.boxoffice.gateway.openapi.Contract.Kind.COMMAND;

import io.boxoffice.common.booking.BookingCommand.PlaceHold;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.Hold;
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
 * Holds seats while the buyer pays: the command is keyed by the show id and decided by the show's single writer,
 * like a booking, with the same synchronous and asynchronous modes and the same {@code Idempotency-Key}. The
 * hold's id starts with its show's id, so confirming and releasing it go to the same writer.
 */
@Component
@Tag(name = "hold-controller")
class HoldHandler {
    private final CommandGateway commands;
    private final RouteAnswers answers;

    HoldHandler(CommandGateway commands, RouteAnswers answers) {
        this.commands = commands;
        this.answers = answers;
    }

    @Operation(summary = "Hold seats while paying: named seats, or the best available n (all or nothing)",
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
                    content = @Content(schema = @Schema(implementation = NewHold.class))))
    @ApiResponse(responseCode = "201", description = "Held until `expiresAt`",
            content = @Content(schema = @Schema(implementation = Hold.class)))
    @ApiResponse(responseCode = "202", description = CommandRequest.ACCEPTED_DOC,
            content = @Content(schema = @Schema(implementation = RequestOutcome.class)),
            headers = @Header(name = "Preference-Applied",
                    schema = @Schema(type = "string", example = "respond-async")))
    @Contract(access = USER, kind = COMMAND, problems = {SEAT_OUT_OF_RANGE, SHOW_NOT_FOUND, SEAT_TAKEN, SOLD_OUT,
            NOT_ENOUGH_SEATS, SHOW_CANCELLED, LIMIT_EXCEEDED})
    Mono<ServerResponse> hold(ServerRequest request) {
        return CommandRequest.read(request, NewHold.class, NewHold::validate)
                .flatMap(hold -> commands.decide(hold, request.pathVariable("showId"),
                        showId -> new PlaceHold(showId, hold.body().seats(), hold.body().bestAvailable()),
                        CommandReply::hold, reply -> "/api/holds/" + reply.hold().id()))
                .flatMap(answer -> answers.of(request, answer))
                .onErrorResume(failure -> answers.failure(request, failure));
    }
}
