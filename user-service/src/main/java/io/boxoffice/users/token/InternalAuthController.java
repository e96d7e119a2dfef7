package io.boxoffice.users.token;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.streams.CopyReads;
import io.boxoffice.common.streams.StoreRouter.Copies;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.users.account.Account;
import io.boxoffice.users.account.AccountStore;
import io.boxoffice.users.account.AccountView;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Instance-to-instance login check for a username whose partition this instance holds a copy of (the
 * copy the caller expects: active, or any while the active one is unreachable). Not routed by the gateway.
 * It never forwards again: if the copy moved meanwhile it answers 503 and the caller tries the next copy,
 * so a rebalance cannot cause a forwarding loop.
 */
@RestController
class InternalAuthController {
    static final String PATH = "/internal/accounts/{key}/authentication";

    private final AccountStore store;
    private final Authenticator authenticator;

    InternalAuthController(AccountStore store, Authenticator authenticator) {
        this.store = store;
        this.authenticator = authenticator;
    }

    record Password(String password) {
        @Override
        public String toString() {
            return "Password[hidden]";
        }
    }

    @PostMapping(PATH)
    Mono<AccountView> authenticate(@PathVariable String key, @RequestBody Password body,
                                   @RequestHeader(name = CopyReads.FORWARDED, defaultValue = CopyReads.ACTIVE)
                                   String expected) {
        if (body.password() == null) {
            throw new ApiException(400, ProblemCodes.INVALID_REQUEST, "password is required");
        }
        key = Account.keyOf(key);
        Copies copies = store.copiesOf(key);
        if (!store.mayAnswer(copies, expected)) {
            throw new ApiException(503, ProblemCodes.UNAVAILABLE, "This instance no longer holds that copy of the account");
        }
        return authenticator.locally(copies.partition(), key, body.password())
                .map(account -> account.orElseThrow(() -> new ApiException(401, ProblemCodes.BAD_CREDENTIALS,
                        "Unknown username or wrong password")));
    }
}
