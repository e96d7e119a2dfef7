package io.boxoffice.users.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.boxoffice.common.Stores;
import io.boxoffice.common.streams.BaseStreamsConfig;
import io.boxoffice.common.streams.StoreRouter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad stored account is absent to reads (so a login answers bad_credentials), never a failed read. */
class AccountStoreToleranceTest {
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private KeyValueStore<String, Account> accounts;
    private AccountStore store;

    @BeforeEach
    void readTheDecidersStore() {
        driver = new TopologyTestDriver(AccountTopology.build(), new BaseStreamsConfig("accounts-test",
                "unused:9092", stateDir.toString(), 10, "127.0.0.1:8081", 1, 1, 0).toProperties());
        accounts = driver.getKeyValueStore(Stores.ACCOUNTS);
        StoreRouter router = mock(StoreRouter.class);
        when(router.partition(Stores.ACCOUNTS, 0)).thenReturn((KeyValueStore) accounts);
        store = new AccountStore(router);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldReadABadAccountAsAbsentWhenItHasNoPasswordHash() {
        // given
        accounts.put("alice", new Account("id-1", "alice", null, "$2a$10$hash", List.of(Account.USER),
                Instant.EPOCH, "req-1"));
        accounts.put("bob", new Account("id-2", "bob", null, null, List.of(Account.USER), Instant.EPOCH, "req-2"));

        // when / then
        assertThat(store.local(0, "alice")).isPresent();
        assertThat(store.local(0, "bob")).isEmpty();
    }
}
