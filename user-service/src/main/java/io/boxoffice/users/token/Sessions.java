package io.boxoffice.users.token;

import io.boxoffice.common.Ids;
import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.users.account.Account;
import io.boxoffice.users.account.AccountCommand;
import io.boxoffice.users.account.AccountCommand.Session;
import io.boxoffice.users.account.AccountCommand.Type;
import io.boxoffice.users.account.AccountCommands;
import io.boxoffice.users.account.AccountReply;
import io.boxoffice.users.account.Passwords;
import io.boxoffice.users.session.RefreshToken;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The flows behind login, refresh and logout. A login asks the username's single writer whether a password check
 * is allowed (LOGIN_BEGIN, which reserves it against the throttle and answers the bcrypt hash), checks the password
 * here inside the {@link Passwords} bulkhead, and reports the result (LOGIN_END), which counts a failure or opens
 * a refresh line; only then is a token pair signed. Refresh and logout send the presented token's hash to the same
 * writer, which spends or revokes it. Unknown user and wrong password are the same 401 in the same time; a refresh
 * token that is not a live one of the caller is the same 401 whatever the reason, so nothing tells whether a
 * username exists.
 */
@Component
class Sessions {
    private static final int LOCK_MEMORY = 10_000;

    private final AccountCommands commands;
    private final Passwords passwords;
    private final TokenIssuer issuer;
    private final LocalLocks locks;

    Sessions(AccountCommands commands, Passwords passwords, TokenIssuer issuer) {
        this.commands = commands;
        this.passwords = passwords;
        this.issuer = issuer;
        this.locks = new LocalLocks(LOCK_MEMORY, Clock.systemUTC());
    }

    /** What an admitted check found, for LOGIN_END. */
    private record Checked(String attemptId, boolean passwordOk) {
    }

    Mono<IssuedToken> login(String username, String password) {
        if (!Account.isValidUsername(username)) {
            // The format is public: refusing it at once tells nothing about who exists.
            return Mono.error(badCredentials());
        }
        String key = Account.keyOf(username);
        Duration locked = locks.refused(key).orElse(null);
        if (locked != null) {
            return Mono.error(tooManyAttempts(locked));
        }
        return passwords.bounded(check -> commands.send(command(Type.LOGIN_BEGIN, Ids.random(), null, username, null))
                .flatMap(begun -> switch (begun.outcome()) {
                    case ADMITTED -> check.matches(password, begun.session().passwordHash())
                            .map(ok -> new Checked(begun.requestId(), ok));
                    case THROTTLED -> {
                        Duration retryAfter = Duration.ofMillis(begun.session().retryAfterMillis());
                        locks.remember(key, retryAfter);
                        yield Mono.error(tooManyAttempts(retryAfter));
                    }
                    default -> Mono.error(unexpected(begun));
                }))
                .flatMap(checked -> {
                    RefreshToken first = RefreshToken.first(key, Ids.random());
                    return commands.send(command(Type.LOGIN_END, Ids.random(), null, username,
                                    new Session(checked.attemptId(), checked.passwordOk(), first.lineId(), 0,
                                            first.secretHash(), null)))
                            .map(ended -> switch (ended.outcome()) {
                                case OPENED -> issuer.issue(ended.view(), first.text(),
                                        ended.session().refreshExpiresAt());
                                case LOGIN_FAILED -> throw badCredentials();
                                default -> throw unexpected(ended);
                            });
                });
    }

    Mono<IssuedToken> refresh(String token) {
        RefreshToken presented = parse(token);
        RefreshToken next = presented.next();
        return commands.send(command(Type.REFRESH, Ids.random(), null, presented.usernameKey(),
                        new Session(null, false, presented.lineId(), presented.generation(), presented.secretHash(),
                                next.secretHash())))
                .map(reply -> switch (reply.outcome()) {
                    case ROTATED -> issuer.issue(reply.view(), next.text(), reply.session().refreshExpiresAt());
                    case TOKEN_REFUSED -> throw invalidRefreshToken();
                    default -> throw unexpected(reply);
                });
    }

    /** Revokes the line of {@code token}, which must be the current one of the caller's ({@code accountId}). */
    Mono<Void> logout(String token, String accountId, String username) {
        RefreshToken presented = parse(token);
        if (username == null || !presented.usernameKey().equals(Account.keyOf(username))) {
            // Another user's token: refused here, so it cannot even reach that user's writer.
            return Mono.error(invalidRefreshToken());
        }
        return commands.send(command(Type.LOGOUT, Ids.random(), accountId, presented.usernameKey(),
                        new Session(null, false, presented.lineId(), presented.generation(), presented.secretHash(),
                                null)))
                .flatMap(reply -> switch (reply.outcome()) {
                    case LOGGED_OUT -> Mono.<Void>empty();
                    case TOKEN_REFUSED -> Mono.error(invalidRefreshToken());
                    default -> Mono.error(unexpected(reply));
                });
    }

    private AccountCommand command(Type type, String requestId, String accountId, String username, Session session) {
        return new AccountCommand(type, requestId, accountId, username, null, null, commands.replyPartition(),
                session);
    }

    private static RefreshToken parse(String token) {
        return RefreshToken.parse(token, Account::isValidUsername).orElseThrow(Sessions::invalidRefreshToken);
    }

    private static ApiException badCredentials() {
        return new ApiException(401, ProblemCodes.BAD_CREDENTIALS, "Unknown username or wrong password");
    }

    private static ApiException tooManyAttempts(Duration retryAfter) {
        return new ApiException(429, ProblemCodes.TOO_MANY_ATTEMPTS,
                "Too many failed logins for this username; try again later").retryAfter(retryAfter);
    }

    private static ApiException invalidRefreshToken() {
        return new ApiException(401, ProblemCodes.INVALID_REFRESH_TOKEN,
                "The refresh token is not valid: log in again");
    }

    /** REJECTED (malformed) or FAILED (our fault): the command is dead-lettered and changed nothing. */
    private static ApiException unexpected(AccountReply reply) {
        return reply.outcome() == AccountReply.Outcome.REJECTED
                ? new ApiException(400, ProblemCodes.INVALID_REQUEST, "The request was refused as malformed")
                : new ApiException(500, ProblemCodes.COMMAND_FAILED, "The request failed on our side; nothing changed");
    }
}
