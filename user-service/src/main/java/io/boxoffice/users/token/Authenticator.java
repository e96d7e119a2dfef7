package io.boxoffice.users.token;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.streams.CopyReads;
import io.boxoffice.common.streams.StoreRouter.Copies;
import io.boxoffice.common.web.ApiException;
import io.boxoffice.users.account.Account;
import io.boxoffice.users.account.AccountStore;
import io.boxoffice.users.account.AccountView;
import io.boxoffice.users.account.Passwords;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Checks a username and password against the account store. The check runs where the account lives:
 * on the instance with the active copy of the username's partition (here, or forwarded over
 * {@code /internal}), or on one with a standby copy while the active one is unreachable; password hashes
 * never leave the instances that store them. Every failing
 * path costs one bcrypt run, whether or not the user exists.
 */
@Component
class Authenticator {
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);

    private final AccountStore store;
    private final Passwords passwords;
    private final WebClient web;

    Authenticator(AccountStore store, Passwords passwords) {
        this.store = store;
        this.passwords = passwords;
        this.web = WebClient.create();
    }

    /** The account's public view when the credentials are right, empty when they are not. */
    Mono<Optional<AccountView>> authenticate(String username, String password) {
        if (!Account.isValidUsername(username)) {
            return passwords.matches(password, null).map(ignored -> Optional.empty());
        }
        String key = Account.keyOf(username);
        return Mono.defer(() -> {
            Copies copies = store.copiesOf(key);
            return CopyReads.inTurn(store.router(), copies, () -> locally(copies.partition(), key, password),
                    (host, expected) -> forward(host, expected, key, password),
                    e -> e instanceof ApiException api && api.status() == 503, Authenticator::unavailable);
        });
    }

    /** Checks against this instance's copy of the key's partition. */
    Mono<Optional<AccountView>> locally(int partition, String key, String password) {
        return Mono.fromCallable(() -> store.local(partition, key))
                .flatMap(account -> passwords.matches(password, account.map(Account::passwordHash).orElse(null))
                        .map(ok -> ok ? account.map(Account::view) : Optional.<AccountView>empty()));
    }

    private Mono<Optional<AccountView>> forward(HostInfo owner, String expected, String key, String password) {
        return web.post()
                .uri("http://{host}:{port}" + InternalAuthController.PATH, owner.host(), owner.port(), key)
                .header(CopyReads.FORWARDED, expected)
                .bodyValue(new InternalAuthController.Password(password))
                .exchangeToMono(response -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(AccountView.class).map(Optional::of);
                    }
                    if (response.statusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
                        return response.releaseBody().thenReturn(Optional.<AccountView>empty());
                    }
                    return response.releaseBody().then(Mono.error(unavailable()));
                })
                .timeout(FORWARD_TIMEOUT)
                .onErrorMap(e -> !(e instanceof ApiException), e -> unavailable());
    }

    private static ApiException unavailable() {
        return new ApiException(503, ProblemCodes.UNAVAILABLE, "The instance holding this account is not reachable",
                Map.of());
    }
}
