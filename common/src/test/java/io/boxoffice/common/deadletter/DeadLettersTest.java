package io.boxoffice.common.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.kafka.JsonSerde;
import io.boxoffice.common.kafka.TolerantSerde;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void shouldNameHeadersAsKafkaStreamsDoesWhenItDeadLettersItself() {
        assertThat(DeadLetters.SOURCE_TOPIC).isEqualTo(ExceptionHandlerUtils.HEADER_ERRORS_TOPIC_NAME);
        assertThat(DeadLetters.SOURCE_PARTITION).isEqualTo(ExceptionHandlerUtils.HEADER_ERRORS_PARTITION_NAME);
        assertThat(DeadLetters.SOURCE_OFFSET).isEqualTo(ExceptionHandlerUtils.HEADER_ERRORS_OFFSET_NAME);
        assertThat(DeadLetters.EXCEPTION).isEqualTo(ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_NAME);
        assertThat(DeadLetters.EXCEPTION_MESSAGE).isEqualTo(ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_MESSAGE_NAME);
        assertThat(DeadLetters.STACKTRACE).isEqualTo(ExceptionHandlerUtils.HEADER_ERRORS_STACKTRACE_NAME);
    }

    @Test
    void shouldKeepOriginalHeadersAndAddTheReasonWhenACommandIsDeadLettered() {
        // given
        RecordHeaders original = new RecordHeaders();
        original.add("trace", "t1".getBytes(StandardCharsets.UTF_8));

        // when
        var headers = DeadLetters.of(original, DeadLetterReason.KEY_MISMATCH, "wrong key", null,
                new IllegalStateException("boom"));

        // then
        assertThat(DeadLetters.text(headers, "trace")).isEqualTo("t1");
        assertThat(DeadLetters.text(headers, DeadLetters.REASON)).isEqualTo("key_mismatch");
        assertThat(DeadLetters.text(headers, DeadLetters.DETAIL)).isEqualTo("wrong key");
        assertThat(DeadLetters.text(headers, DeadLetters.EXCEPTION_MESSAGE)).isEqualTo("boom");
        assertThat(original.toArray()).hasSize(1);
    }

    record Sample(String name) {
    }

    @Test
    void shouldReadUndecodableBytesAsAbsentWhenTolerant() {
        // given
        TolerantSerde<Sample> serde = TolerantSerde.of(JsonSerde.of(Sample.class));

        // when / then
        assertThat(serde.deserializer().deserialize("t", "{broken".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", new Sample("a"))))
                .isEqualTo(new Sample("a"));
    }
}
