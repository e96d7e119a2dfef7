package io.boxoffice.users.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.users.account.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefreshTokenTest {

    @Test
    void shouldRoundTripWhenWellFormed() {
        // given
        RefreshToken token = RefreshToken.first("alice.b", "0123456789abcdef");
        // when
        RefreshToken parsed = RefreshToken.parse(token.text(), Account::isValidUsername).orElseThrow();
        RefreshToken next = parsed.next();
        // then
        assertThat(parsed).isEqualTo(token);
        assertThat(next.lineId()).isEqualTo(token.lineId());
        assertThat(next.generation()).isEqualTo(1);
        assertThat(next.secret()).isNotEqualTo(token.secret());
        assertThat(token.secretHash()).isNotEqualTo(token.secret()).doesNotContain(token.secret());
        assertThat(token.text().length()).isLessThan(120);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "rt1", "rt2.YWxpY2U.0123456789abcdef.0.c2VjcmV0", "rt1.YWxpY2U.0123456789abcdef.0",
            "rt1.YWxpY2U.0123456789abcdef.0.c2VjcmV0.x", "rt1.QWxpY2U.0123456789abcdef.0.c2VjcmV0",
            "rt1.YWxpY2U.0123456789ABCDEF.0.c2VjcmV0", "rt1.YWxpY2U.0123456789abcdef.01.c2VjcmV0",
            "rt1.YWxpY2U.0123456789abcdef.-1.c2VjcmV0", "rt1.YWxpY2U.0123456789abcdef.0.c2Vj+cmV0",
            "rt1.YQ.0123456789abcdef.0.c2VjcmV0", "rt1.YWxpY2U=.0123456789abcdef.0.c2VjcmV0",
            "rt1.YWxpY2U.0123456789abcdef.99999999999.c2VjcmV0"})
    void shouldRejectWhenMalformed(String text) {
        assertThat(RefreshToken.parse(text, Account::isValidUsername)).isEmpty();
    }

    @Test
    void shouldRejectWhenTooLongOrNull() {
        assertThat(RefreshToken.parse(null, Account::isValidUsername)).isEmpty();
        assertThat(RefreshToken.parse("rt1.YWxpY2U.0123456789abcdef.0." + "a".repeat(200), Account::isValidUsername))
                .isEmpty();
    }

    @Test
    void shouldNeverPrintTheSecret() {
        RefreshToken token = RefreshToken.first("alice", "0123456789abcdef");
        assertThat(token.toString()).doesNotContain(token.secret()).doesNotContain(token.secretHash());
    }
}
