package io.boxoffice.users.session;

import java.time.Duration;

/** What the account decider needs to decide logins and refreshes: the throttle's rules and a line's lifetime. */
public record SessionPolicy(LoginRules login, Duration refreshTtl) {
    public static final SessionPolicy DEFAULTS = new SessionPolicy(LoginRules.DEFAULTS, Duration.ofDays(14));
}
