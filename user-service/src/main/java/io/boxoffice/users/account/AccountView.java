package io.boxoffice.users.account;

import java.util.List;

/** What may be shown of an account (the body of {@code GET /api/users/me}): never the hash or the email. */
public record AccountView(String id, String username, List<String> roles) {
}
