package io.boxoffice.users.account;

import io.boxoffice.common.Ids;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Bcrypt (strength 10, ~80 ms a call) for hashing at registration and checking at login, always off the
 * event loop. A check against no account still costs one bcrypt run on a dummy hash, so response time
 * does not tell whether a username exists.
 */
@Component
public class Passwords {
    /** bcrypt reads only the first 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;
    public static final int MIN_CHARS = 8;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    private final String dummyHash = encoder.encode(Ids.random());

    public static boolean tooLong(String raw) {
        return raw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    public Mono<String> hash(String raw) {
        return Mono.fromCallable(() -> encoder.encode(raw)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Whether {@code raw} matches {@code hash}; a null hash (no such account) never matches. */
    public Mono<Boolean> matches(String raw, String hash) {
        return Mono.fromCallable(() -> {
            if (hash == null || tooLong(raw)) {
                encoder.matches(Ids.random(), dummyHash);
                return false;
            }
            return encoder.matches(raw, hash);
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
