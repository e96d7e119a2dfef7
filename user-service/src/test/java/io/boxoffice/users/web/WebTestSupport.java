package io.boxoffice.users.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import io.boxoffice.common.Stores;
import io.boxoffice.common.kafka.RequestReplyClient;
import io.boxoffice.common.streams.StoreRouter;
import io.boxoffice.common.streams.StoreRouter.Copies;
import io.boxoffice.common.streams.StreamsRuntime;
import io.boxoffice.users.account.Account;
import io.boxoffice.users.account.AccountCommand;
import io.boxoffice.users.account.AccountReply;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole HTTP layer (controllers, security, problem documents, JSON strictness, bcrypt, token
 * signing) over stand-ins for Kafka: the command client answers what a test tells it, and the account
 * store is a map behind a mocked interactive-query router.
 */
@SpringBootTest(properties = {
        "boxoffice.users.jwt-key-file=target/test-secrets/jwt-signing-key.pem",
        "boxoffice.users.admin-password="})
@AutoConfigureWebTestClient
abstract class WebTestSupport {
    @Autowired
    WebTestClient http;

    @MockitoBean
    RequestReplyClient<AccountCommand, AccountReply> client;
    @MockitoBean
    StoreRouter router;
    @MockitoBean
    StreamsRuntime streams;

    /** What the account store holds, by lower-cased username. */
    final Map<String, Account> accounts = new HashMap<>();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void standInForKafka() {
        when(client.ready()).thenReturn(true);
        when(client.replyPartition()).thenReturn(0);
        ReadOnlyKeyValueStore<String, Account> store = org.mockito.Mockito.mock(ReadOnlyKeyValueStore.class);
        when(store.get(anyString())).thenAnswer(call -> accounts.get(call.<String>getArgument(0)));
        HostInfo self = new HostInfo("127.0.0.1", 8081);
        when(router.self()).thenReturn(self);
        when(router.copiesOf(eq(Stores.ACCOUNTS), any())).thenReturn(new Copies(0, List.of(self), true));
        when(router.activeHere(eq(Stores.ACCOUNTS), anyInt())).thenReturn(true);
        when(router.<String, Account>partition(eq(Stores.ACCOUNTS), anyInt())).thenReturn(store);
    }
}
