package io.boxoffice.gateway.seatstream;

import static io.boxoffice.common.ProblemCodes.SHOW_NOT_FOUND;
import static io.boxoffice.gateway.openapi.Contract.Access.PUBLIC;
import static io.boxoffice.gateway.openapi.Contract.Kind.QUERY;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.gateway.GatewayProperties;
import io.boxoffice.gateway.Validation;
import io.boxoffice.gateway.openapi.Contract;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/shows/{showId}/seats/events}: a show's seat map as server-sent events, on any gateway: a
 * {@code snapshot} first, then a {@code change} for what each flush of the feed changed, a comment every heartbeat
 * interval, until the client leaves. The frames are written as encoded once for all streams of the show. An
 * unknown show is 404 {@code show_not_found} before anything is streamed.
 */
@RestController
class SeatStreamController {
    private static final DefaultDataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

    private final SeatChannels channels;
    private final Flux<byte[]> heartbeats;

    SeatStreamController(SeatChannels channels, GatewayProperties properties) {
        this.channels = channels;
        Duration every = properties.seatStream().heartbeat();
        // One timer for every stream, not one each.
        this.heartbeats = Flux.interval(every, every).map(tick -> Frames.HEARTBEAT).share();
    }

    @GetMapping(path = "/api/shows/{showId}/seats/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "A show's seat map, live, as server-sent events")
    @ApiResponse(responseCode = "200", description = "First an event `snapshot` (the seat map), then an event "
            + "`change` `{showId, seats, state: TAKEN|HELD|FREE, availableSeats}` for every decision that changes "
            + "seats, within a second; a fresh `snapshot` may replace many changes (a slow reader gets one in place "
            + "of what it missed); a comment line every 15 s; until the client leaves",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(implementation = SeatChange.class)))
    @Contract(access = PUBLIC, kind = QUERY, problems = SHOW_NOT_FOUND)
    Mono<ResponseEntity<Flux<DataBuffer>>> events(@PathVariable String showId) {
        if (!Validation.isId(showId)) {
            return Mono.error(new ApiException(404, ProblemCodes.SHOW_NOT_FOUND, "No show " + showId));
        }
        return channels.open(showId).map(frames -> ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header("X-Accel-Buffering", "no")
                .body(Flux.merge(frames, heartbeats.onBackpressureDrop()).map(BUFFERS::wrap)));
    }
}
