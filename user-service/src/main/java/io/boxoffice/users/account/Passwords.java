package io.boxoffice.users.account;

import io.boxoffice.common.Ids;
import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.users.UsersProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The bulkhead around bcrypt (strength 10, ~80 ms of CPU a call), for hashing at registration and checking at
 * login. At most {@code threads} runs at once, on threads of their own, never on the event loop; at most
 * {@code 2 × threads} password flows are admitted at once (the second half covers a flow's Kafka round trips, so
 * the threads stay busy), and one more is refused at once with 503 {@code overloaded} and {@code Retry-After}
 * instead of queueing: a login flood then costs a bounded share of the CPU that bookings need, and a client waits
 * at most a few runs. A slot is freed only when its bcrypt run has ended, even if the caller went away, so
 * abandoned requests cannot pile up work. A check against no account still costs one bcrypt run on a dummy hash,
 * so response time does not tell whether a username exists.
 */
@Component
public class Passwords {
    /** bcrypt reads only the first 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;
    public static final int MIN_CHARS = 8;
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final PasswordEncoder encoder;
    private final String dummyHash;
    private final Semaphore slots;
    private final ExecutorService runner;

    @Autowired
    Passwords(UsersProperties properties) {
        this(properties.passwordThreads(), new BCryptPasswordEncoder(10));
    }

    Passwords(int threads, PasswordEncoder encoder) {
        this.encoder = encoder;
        this.dummyHash = encoder.encode(Ids.random());
        this.slots = new Semaphore(2 * threads);
        AtomicInteger count = new AtomicInteger();
        this.runner = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "bcrypt-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public static boolean tooLong(String raw) {
        return raw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    /** One admitted password flow: its bcrypt runs hold its slot until they end. */
    public final class Check {
        private final AtomicInteger holds = new AtomicInteger(1);

        public Mono<String> hash(String raw) {
            return run(() -> encoder.encode(raw));
        }

        /** Whether {@code raw} matches {@code hash}; a null hash (no such account) never matches. */
        public Mono<Boolean> matches(String raw, String hash) {
            return run(() -> {
                if (hash == null || tooLong(raw)) {
                    encoder.matches(Ids.random(), dummyHash);
                    return false;
                }
                return encoder.matches(raw, hash);
            });
        }

        private <T> Mono<T> run(Callable<T> work) {
            return Mono.create(sink -> {
                holds.incrementAndGet();
                runner.execute(() -> {
                    try {
                        sink.success(work.call());
                    } catch (Exception e) {
                        sink.error(e);
                    } finally {
                        release();
                    }
                });
            });
        }

        private void release() {
            if (holds.decrementAndGet() == 0) {
                slots.release();
            }
        }
    }

    /**
     * Runs {@code flow} in a slot of the bulkhead, or fails at once with 503 {@code overloaded} when none is free.
     * The slot is freed when the flow ends and its bcrypt runs have ended.
     */
    public <T> Mono<T> bounded(Function<Check, Mono<T>> flow) {
        return Mono.defer(() -> {
            if (!slots.tryAcquire()) {
                return Mono.error(new ApiException(503, ProblemCodes.OVERLOADED,
                        "Too many password checks at once; try again shortly").retryAfter(RETRY_AFTER));
            }
            Check check = new Check();
            return Mono.defer(() -> flow.apply(check)).doFinally(signal -> check.release());
        });
    }

    public Mono<String> hash(String raw) {
        return bounded(check -> check.hash(raw));
    }
}
