package io.boxoffice.users.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import io.boxoffice.common.kafka.RequestReplyClient;
import io.boxoffice.common.streams.StreamsRuntime;
import io.boxoffice.users.account.Account;
import io.boxoffice.users.account.AccountCommand;
import io.boxoffice.users.account.AccountReply;
import io.boxoffice.users.account.DeciderStandIn;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The whole HTTP layer (controllers, security, problem documents, JSON strictness, bcrypt, token
 * signing) over a stand-in for Kafka: the command client hands each command to the production decider in a
 * {@code TopologyTestDriver} and answers its reply, unless a test tells it otherwise.
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
    StreamsRuntime streams;

    @TempDir
    Path stateDir;
    DeciderStandIn decider;

    @BeforeEach
    void standInForKafka() {
        decider = new DeciderStandIn(stateDir);
        when(client.ready()).thenReturn(true);
        when(client.replyPartition()).thenReturn(0);
        when(client.request(anyString(), anyString(), any()))
                .thenAnswer(call -> Mono.fromCallable(() -> decider.decide(call.getArgument(2))));
    }

    @AfterEach
    void closeStandIn() {
        decider.close();
    }

    /** An account as the decider would have stored it, under its lower-cased username. */
    void given(Account account) {
        decider.accounts().put(Account.keyOf(account.username()), account);
    }
}
