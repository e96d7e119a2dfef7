package io.boxoffice.users.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boxoffice.users.session.LoginRules.Admission;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginRulesTest {
    private static final LoginRules RULES = LoginRules.DEFAULTS;
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private int attempts;

    @Test
    void shouldLockForThirtySecondsWhenFiveChecksFail() {
        // given
        LoginThrottle throttle = failures(null, 5, T0);
        // when
        Admission sixth = RULES.begin(throttle, "a6", T0.plusSeconds(1));
        // then
        assertThat(throttle.failures()).isEqualTo(5);
        assertThat(throttle.lockedUntil()).isEqualTo(T0.plusSeconds(30));
        assertThat(sixth.admitted()).isFalse();
        assertThat(sixth.retryAfter()).isEqualTo(Duration.ofSeconds(29));
        assertThat(sixth.next()).as("a refusal writes nothing").isNull();
    }

    @Test
    void shouldAdmitOneCheckAndDoubleTheLockWhenItFailsAfterALock() {
        // given a lock that has ended
        LoginThrottle locked = failures(null, 5, T0);
        Instant after = T0.plusSeconds(31);
        // when
        Admission first = RULES.begin(locked, "b1", after);
        Admission second = RULES.begin(first.next(), "b2", after);
        LoginThrottle failedAgain = RULES.end(first.next(), "b1", false, after);
        // then one check at a time, and a failure locks for 60 s, then 120 s ... up to 15 minutes
        assertThat(first.admitted()).isTrue();
        assertThat(second.admitted()).isFalse();
        assertThat(second.retryAfter()).isEqualTo(LoginRules.BUSY_RETRY);
        assertThat(failedAgain.lockedUntil()).isEqualTo(after.plusSeconds(60));
        assertThat(RULES.lockFor(7)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RULES.lockFor(40)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldForgetEverythingWhenACheckSucceeds() {
        // given four failures and a check in flight
        LoginThrottle throttle = failures(null, 4, T0);
        Admission admitted = RULES.begin(throttle, "ok", T0);
        // when
        LoginThrottle next = RULES.end(admitted.next(), "ok", true, T0);
        // then
        assertThat(next).isNull();
        assertThat(failures(next, 4, T0).lockedUntil()).as("the count starts again").isNull();
    }

    @Test
    void shouldRefuseASixthConcurrentCheckWhenFiveArePending() {
        // given five checks admitted at once, none reported
        LoginThrottle throttle = null;
        for (int i = 0; i < 5; i++) {
            Admission admission = RULES.begin(throttle, "c" + i, T0);
            assertThat(admission.admitted()).isTrue();
            throttle = admission.next();
        }
        // when
        Admission sixth = RULES.begin(throttle, "c5", T0);
        // then no more passwords are checked than five failures allow, on any instance
        assertThat(sixth.admitted()).isFalse();
        assertThat(sixth.retryAfter()).isEqualTo(LoginRules.BUSY_RETRY);
    }

    @Test
    void shouldFreeTheAllowanceWhenAReservationLapses() {
        // given five checks whose results never came (their instance crashed)
        LoginThrottle throttle = null;
        for (int i = 0; i < 5; i++) {
            throttle = RULES.begin(throttle, "d" + i, T0).next();
        }
        // when
        Admission later = RULES.begin(throttle, "d5", T0.plus(RULES.pendingTtl()));
        LoginThrottle lateResult = RULES.end(later.next(), "d0", false, T0.plus(RULES.pendingTtl()));
        // then
        assertThat(later.admitted()).isTrue();
        assertThat(later.next().pending()).hasSize(1);
        assertThat(lateResult.failures()).as("a lapsed check's result counts nothing").isZero();
    }

    @Test
    void shouldForgetFailuresWhenTheMemoryHasPassed() {
        // given
        LoginThrottle throttle = failures(null, 3, T0);
        // then
        assertThat(RULES.remembered(throttle, T0.plus(Duration.ofHours(23)))).isTrue();
        assertThat(RULES.remembered(throttle, T0.plus(Duration.ofDays(1)))).isFalse();
        assertThat(RULES.begin(throttle, "e", T0.plus(Duration.ofDays(1))).next().failures()).isZero();
        assertThat(RULES.remembered(LoginThrottle.NONE, T0)).isFalse();
    }

    @Test
    void shouldRefuseSettingsBelowTheContractsMinimumLock() {
        assertThatThrownBy(() -> new LoginRules(5, Duration.ofSeconds(29), Duration.ofMinutes(15),
                Duration.ofSeconds(30), Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code count} checks admitted and failed one after the other at {@code at}. */
    private LoginThrottle failures(LoginThrottle throttle, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            String attempt = "attempt-" + attempts++;
            Admission admission = RULES.begin(throttle, attempt, at);
            assertThat(admission.admitted()).isTrue();
            throttle = RULES.end(admission.next(), attempt, false, at);
        }
        return throttle;
    }
}
