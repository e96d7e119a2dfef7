package io.boxoffice.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The admin's access token for the rehearsal's set-up and audits, renewed with its refresh token before it
 * expires (access tokens live 15 minutes by default; a storm and its audit may take an hour), or by logging in
 * again when the refresh is refused. Used from one thread at a time.
 */
final class AdminSession {
    private final Api api;
    private final String password;
    private String accessToken;
    private String refreshToken;
    private Instant renewAt = Instant.MIN;

    private AdminSession(Api api, String password) {
        this.api = api;
        this.password = password;
    }

    static AdminSession login(Api api, String password) {
        AdminSession session = new AdminSession(api, password);
        session.token();
        return session;
    }

    synchronized String token() {
        if (Instant.now().isBefore(renewAt)) {
            return accessToken;
        }
        Api.Answer answer = refreshToken == null ? null
                : api.post("/api/auth/refresh", null, Map.of("refreshToken", refreshToken));
        if (answer == null || !answer.is(200)) {
            answer = Logins.patiently(() -> api.post("/api/auth/token", null,
                    Map.of("username", "admin", "password", password)));
        }
        if (!answer.is(200)) {
            throw new BenchAbort("the admin login failed (HTTP " + answer.status() + "); set BOXOFFICE_ADMIN_PASSWORD"
                    + " or keep var/secrets/admin-password in step with the running system");
        }
        accessToken = answer.text("accessToken");
        refreshToken = answer.text("refreshToken");
        // Renewed when two thirds of its life are gone, so a caller never holds one about to expire.
        renewAt = Instant.now().plus(Duration.ofSeconds(answer.json().path("expiresIn").asLong(0) * 2 / 3));
        return accessToken;
    }
}
