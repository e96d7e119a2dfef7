package io.boxoffice.gateway.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.boxoffice.common.Ids;
import io.boxoffice.common.booking.Booking;
import io.boxoffice.common.booking.BookingCommand.PlaceHold;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.booking.Hold;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.common.web.Problems;
import io.boxoffice.gateway.command.CommandGateway;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * What the asynchronous mode answers about a request: PENDING until the show's writer decided it, then
 * CONFIRMED with the booking (or, for a hold, the hold) or REJECTED with the problem document the synchronous
 * call would have given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The outcome of a booking request")
public record RequestOutcome(String requestId, Status status,
                             @Schema(description = "With CONFIRMED: the booking") Booking booking,
                             @Schema(description = "With CONFIRMED, for a hold: the hold") Hold hold,
                             @Schema(ref = "#/components/schemas/Problem",
                                     description = "With REJECTED: the problem the synchronous call answers")
                             ProblemDetail problem) {

    public enum Status { PENDING, CONFIRMED, REJECTED }

    static final String PATH = "/api/booking-requests/";
    private static final String RESPOND_ASYNC = "respond-async";

    static RequestOutcome pending(String requestId) {
        return new RequestOutcome(requestId, Status.PENDING, null, null, null);
    }

    static RequestOutcome of(String requestId, CommandReply reply) {
        if (reply.ok()) {
            return new RequestOutcome(requestId, Status.CONFIRMED, reply.booking(), reply.hold(), null);
        }
        ApiException refusal = CommandGateway.problemOf(reply);
        ProblemDetail problem = Problems.response(refusal).getBody();
        // The path the synchronous call would have named: the request's own.
        String resource = PlaceHold.class.getSimpleName().equals(reply.command()) ? "/holds" : "/bookings";
        problem.setInstance(URI.create("/api/shows/" + Ids.showOf(reply.requestId()) + resource));
        return new RequestOutcome(requestId, Status.REJECTED, null, null, problem);
    }

    /** Whether a {@code Prefer} header (RFC 7240) asks for the asynchronous mode. */
    public static boolean prefersAsync(List<String> prefer) {
        return prefer != null && prefer.stream()
                .flatMap(header -> java.util.Arrays.stream(header.split(",")))
                .map(preference -> preference.split(";")[0].strip().toLowerCase(Locale.ROOT))
                .anyMatch(RESPOND_ASYNC::equals);
    }

    /** The 202 acknowledgement of an accepted asynchronous request. */
    public static ResponseEntity<Object> accepted(String requestId) {
        return ResponseEntity.accepted()
                .location(URI.create(PATH + requestId))
                .header("Preference-Applied", RESPOND_ASYNC)
                .body(pending(requestId));
    }
}
