package io.boxoffice.bench;

import java.util.function.Supplier;

/** How the rehearsal's tools sign in: a password check the user-service sheds (503) is tried again a bit later. */
final class Logins {
    private static final int ATTEMPTS = 60;
    private static final long PAUSE_MILLIS = 1_000;

    private Logins() {
    }

    /**
     * {@code call}'s answer, asked again while the user-service's password bulkhead is full (503, whose
     * {@code Retry-After} is one second), up to a minute.
     */
    static Api.Answer patiently(Supplier<Api.Answer> call) {
        Api.Answer answer = call.get();
        for (int attempt = 1; answer.is(503) && attempt < ATTEMPTS; attempt++) {
            Api.pause(PAUSE_MILLIS);
            answer = call.get();
        }
        return answer;
    }
}
