package io.boxoffice.users.account;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;

/** The body of {@code POST /api/users}; {@link #validate()} enforces the contract before anything is hashed. */
record NewUser(String username, String password, String email) {
    private static final int MAX_EMAIL = 254;

    void validate() {
        if (!Account.isValidUsername(username)) {
            throw invalid("username must be 3 to 32 characters of letters, digits, '_', '.' or '-'");
        }
        if (password == null || password.codePointCount(0, password.length()) < Passwords.MIN_CHARS) {
            throw invalid("password must be at least " + Passwords.MIN_CHARS + " characters");
        }
        if (Passwords.tooLong(password)) {
            throw invalid("password must be at most " + Passwords.MAX_BYTES
                    + " bytes in UTF-8 (bcrypt ignores anything longer)");
        }
        if (email != null && !plausibleEmail(email)) {
            throw invalid("email must be an address like name@example.org of at most " + MAX_EMAIL + " characters");
        }
    }

    /** A sanity check only: delivery is the proof of an address, and no mail is sent. */
    private static boolean plausibleEmail(String email) {
        int at = email.indexOf('@');
        return email.length() <= MAX_EMAIL && at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1
                && email.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username + "]";
    }

    private static ApiException invalid(String detail) {
        return new ApiException(400, ProblemCodes.INVALID_REQUEST, detail);
    }
}
