package io.boxoffice.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Json;
import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.CommandReply;
import io.boxoffice.common.kafka.NotWrittenException;
import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.Tokens;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a client sees when the command path fails: no reply in time, no broker, too few replicas in sync, a broken
 * reply.
 */
class CommandFailureMappingTest extends GatewayTest {

    private WebTestClient.ResponseSpec book() {
        return web.post().uri("/api/shows/s1show/bookings").headers(h -> h.setBearerAuth(Tokens.user("u1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"seats\":[1]}").exchange();
    }

    @Test
    void shouldAnswer504WithSentRequestIdWhenReplyDoesNotArriveInTime() {
        // given
        commandFails(new TimeoutException("no reply"));
        // when
        byte[] body = expectProblem(book(), 504, "timeout").returnResult().getResponseBody();
        // then
        assertThat(Json.MAPPER.readValue(body, Map.class)).containsEntry("requestId", sent().requestId());
        assertThat(sent().requestId()).startsWith("s1show-");
    }

    @Test
    void shouldAnswer503UnavailableWhenCommandCannotBeWritten() {
        // given
        commandFails(new org.apache.kafka.common.errors.TimeoutException("metadata not available"));
        // when / then
        expectProblem(book(), 503, "unavailable");
    }

    @Test
    void shouldAnswer503WithRetryAfterAndNoRequestIdWhenShowsPartitionCannotReplicateTheCommand() {
        // given
        commandFails(new NotWrittenException("booking-commands-3 has fewer than 2 replicas in sync"));
        // when
        byte[] body = expectProblem(book().expectHeader().valueEquals("Retry-After", "1"), 503, "unavailable")
                .returnResult().getResponseBody();
        // then: certainly not written, so there is no request whose outcome to look up
        assertThat(Json.MAPPER.readValue(body, Map.class)).doesNotContainKey("requestId");
    }

    @Test
    void shouldAnswer500WithoutDetailsWhenReplyIsMalformed() {
        // given: a refusal without a code
        processorReplies(command -> CommandReply.refused(command, null, null));
        // when / then
        expectProblem(book(), 500, "internal_error");
    }

    @Test
    void shouldAnswer500WithoutDetailsWhenRefusalCodeIsNotTheApis() {
        // given: a code no status is defined for (a processor newer than this gateway, say)
        processorReplies(command -> CommandReply.refused(command, "no_such_code", "internal detail"));
        // when / then
        expectProblem(book(), 500, "internal_error").jsonPath("$.detail").isEqualTo("Something went wrong on our side");
    }

    @Test
    void shouldAnswerTheProcessorsProblemWhenItDeadLettersTheCommand() {
        // given
        processorReplies(command -> CommandReply.refused(command, ProblemCodes.INVALID_COMMAND,
                "The booking system cannot apply this command (unknown_type); nothing changed"));
        // when / then
        expectProblem(book(), 422, ProblemCodes.INVALID_COMMAND);
    }

    @Test
    void shouldAnswer500CommandFailedWhenDecidingFailedOnTheProcessor() {
        // given
        processorReplies(command -> CommandReply.refused(command, ProblemCodes.COMMAND_FAILED,
                "Deciding this request failed on our side; nothing changed"));
        // when / then
        expectProblem(book(), 500, ProblemCodes.COMMAND_FAILED);
    }
}
