package io.boxoffice.common.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.booking.CommandReply.Outcome;
import io.boxoffice.common.kafka.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandReplyTest {
    private final JsonSerde<CommandReply> serde = JsonSerde.of(CommandReply.class);

    @Test
    void shouldKeepOutcomeAndSeatsWhenWrittenAndReadBack() {
        // given
        CommandReply refused = CommandReply.refused("s1-r1", 3, ProblemCodes.SEAT_TAKEN, "Some seats are taken")
                .aboutSeats(List.of(4, 5));
        // when
        CommandReply read = serde.deserialize("t", serde.serialize("t", refused));
        // then
        assertThat(read).isEqualTo(refused);
        assertThat(new String(serde.serialize("t", refused), StandardCharsets.UTF_8)).doesNotContain("status");
    }

    @Test
    void shouldReadOutcomeWhenReplyWasRememberedWithHttpStatus() {
        // given: replies as the processor wrote them before outcomes, still in the dedupe store after an upgrade
        String created = "{\"requestId\":\"s1-r1\",\"replyPartition\":2,\"status\":201,"
                + "\"booking\":{\"id\":\"s1-1\",\"showId\":\"s1\",\"userId\":\"u\",\"seats\":[1],\"status\":\"ACTIVE\"}}";
        String cancelled = "{\"requestId\":\"s1-r2\",\"replyPartition\":2,\"status\":200}";
        String refused = "{\"requestId\":\"s1-r3\",\"replyPartition\":2,\"status\":409,\"code\":\"sold_out\"}";
        // when / then
        assertThat(read(created).outcome()).isEqualTo(Outcome.CREATED);
        assertThat(read(created).booking().id()).isEqualTo("s1-1");
        assertThat(read(cancelled).outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(read(refused).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(read(refused).code()).isEqualTo(ProblemCodes.SOLD_OUT);
    }

    private CommandReply read(String json) {
        return serde.deserialize("t", json.getBytes(StandardCharsets.UTF_8));
    }
}
