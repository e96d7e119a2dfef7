package io.boxoffice.users.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

class PasswordsTest {
    /** An encoder whose runs wait for the test's go, counting how many run at once. */
    private final CountDownLatch go = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final PasswordEncoder slow = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return "$2a$" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                go.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return encoded.equals("$2a$" + raw);
        }
    };

    @AfterEach
    void letGo() {
        go.countDown();
    }

    @Test
    void shouldAnswerOverloadedAtOnceWhenAllSlotsAreBusy() {
        // given one thread, so two slots, both taken by checks that wait
        Passwords passwords = new Passwords(1, slow);
        Mono<Boolean> first = passwords.bounded(check -> check.matches("pw", "$2a$pw"));
        Mono<Boolean> second = passwords.bounded(check -> check.matches("pw", "$2a$pw"));
        var results = Mono.zip(first, second).toFuture();
        // when
        long started = System.nanoTime();
        // then the third is refused without waiting, and says when to come back
        assertThatThrownBy(() -> passwords.bounded(check -> check.matches("pw", "$2a$pw")).block())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo(ProblemCodes.OVERLOADED);
                    assertThat(e.retryAfter()).contains(Passwords.RETRY_AFTER);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        go.countDown();
        assertThat(results.join().getT1()).isTrue();
        assertThat(mostAtOnce.get()).as("one thread runs bcrypt").isEqualTo(1);
        assertThat(passwords.bounded(check -> check.matches("pw", "$2a$other")).block()).isFalse();
    }

    @Test
    void shouldKeepTheSlotUntilTheHashEndsWhenTheCallerCancels() {
        // given two slots: one check runs, the other waits for the thread; both callers go away
        Passwords passwords = new Passwords(1, slow);
        Disposable first = passwords.bounded(check -> check.matches("pw", "$2a$pw")).subscribe();
        Disposable second = passwords.bounded(check -> check.matches("pw", "$2a$pw")).subscribe();
        first.dispose();
        second.dispose();
        // when / then their runs still hold the slots: cancelled work cannot pile up behind the thread
        assertThatThrownBy(() -> passwords.hash("pw").block()).isInstanceOf(ApiException.class);
        go.countDown();
        assertThat(await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> tryHash(passwords), hash -> hash != null)).isEqualTo("$2a$pw");
    }

    /** A hash once a slot is free again, or null while none is. */
    private static String tryHash(Passwords passwords) {
        try {
            return passwords.hash("pw").block();
        } catch (ApiException busy) {
            return null;
        }
    }
}
