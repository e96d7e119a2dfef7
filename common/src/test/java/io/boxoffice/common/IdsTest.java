package io.boxoffice.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void shouldRouteToTheShowAndNameTheRequesterWhenARequestIdIsMade() {
        // given
        String requestId = Ids.requestFor("show1", "alice");

        // then
        assertThat(Ids.showOf(requestId)).isEqualTo("show1");
        assertThat(Ids.requestedBy(requestId, "alice")).isTrue();
        assertThat(Ids.requestedBy(requestId, "bob")).isFalse();
        assertThat(Ids.requestFor("show1", "alice")).isNotEqualTo(requestId);
    }

    @Test
    void shouldGiveTheSameIdWhenTheSameUserRepeatsAnIdempotencyKey() {
        // when
        String first = Ids.idempotentRequest("show1", "alice", "key-1");

        // then
        assertThat(Ids.idempotentRequest("show1", "alice", "key-1")).isEqualTo(first);
        assertThat(Ids.idempotentRequest("show1", "bob", "key-1")).isNotEqualTo(first);
        assertThat(Ids.idempotentRequest("show2", "alice", "key-1")).isNotEqualTo(first);
        assertThat(Ids.idempotentRequest("show1", "alice", "key-2")).isNotEqualTo(first);
        assertThat(Ids.requestedBy(first, "alice")).isTrue();
    }

    @Test
    void shouldGiveAnotherIdWhenTheSameKeyNamesACommandOfAnotherKind() {
        // when
        String hold = Ids.idempotentRequest("show1", "alice", "PlaceHold", "key-1");

        // then
        assertThat(Ids.idempotentRequest("show1", "alice", "PlaceHold", "key-1")).isEqualTo(hold);
        assertThat(hold).isNotEqualTo(Ids.idempotentRequest("show1", "alice", "key-1"))
                .isNotEqualTo(Ids.idempotentRequest("show1", "alice", "ConfirmHold", "key-1"));
        assertThat(Ids.showOf(hold)).isEqualTo("show1");
        assertThat(Ids.requestedBy(hold, "alice")).isTrue();
    }

    @Test
    void shouldRejectWhenTheRequestIdIsForgedOrMalformed() {
        // given
        String requestId = Ids.requestFor("show1", "alice");
        char last = requestId.charAt(requestId.length() - 1);
        String tampered = requestId.substring(0, requestId.length() - 1) + (last == 'a' ? 'b' : 'a');

        // then
        assertThat(Ids.requestedBy(tampered, "alice")).isFalse();
        assertThat(Ids.requestedBy("show1-1", "alice")).isFalse();
        assertThat(Ids.requestedBy("nonsense", "alice")).isFalse();
        assertThat(Ids.requestedBy(requestId + "x", "alice")).isFalse();
    }
}
