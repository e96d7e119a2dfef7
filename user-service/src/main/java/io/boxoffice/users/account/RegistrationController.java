package io.boxoffice.users.account;

import io.boxoffice.common.Ids;
import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.users.account.AccountCommand.Type;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/users}: validates, hashes the password in the {@link Passwords} bulkhead (so only the hash
 * reaches Kafka, and a flood of sign-ups is refused with 503 rather than queued), sends a
 * REGISTER command keyed by the lower-cased username and answers with the decider's verdict:
 * 201 for the one registration that won the name, 409 {@code username_taken} for the others.
 */
@RestController
class RegistrationController {
    private final Passwords passwords;
    private final AccountCommands commands;

    RegistrationController(Passwords passwords, AccountCommands commands) {
        this.passwords = passwords;
        this.commands = commands;
    }

    record Registered(String id, String username) {
    }

    @PostMapping(path = "/api/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Registered>> register(@RequestBody NewUser user) {
        user.validate();
        return passwords.hash(user.password())
                .map(hash -> new AccountCommand(Type.REGISTER, Ids.random(), Ids.random(), user.username(),
                        user.email(), hash, commands.replyPartition()))
                .flatMap(commands::send)
                .map(RegistrationController::answer);
    }

    private static ResponseEntity<Registered> answer(AccountReply reply) {
        return switch (reply.outcome()) {
            case CREATED -> ResponseEntity.status(HttpStatus.CREATED)
                    .body(new Registered(reply.accountId(), reply.username()));
            case USERNAME_TAKEN -> throw new ApiException(409, ProblemCodes.USERNAME_TAKEN,
                    "The username " + reply.username() + " is already taken");
            case REJECTED -> throw new ApiException(400, ProblemCodes.INVALID_REQUEST,
                    "The registration was refused as malformed");
            case FAILED -> throw new ApiException(500, ProblemCodes.COMMAND_FAILED,
                    "The registration failed on our side; nothing changed");
            default -> throw new IllegalStateException("A registration is never answered " + reply.outcome());
        };
    }
}
