package io.boxoffice.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.boxoffice.gateway.support.StubServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClient;

class FailoverTest {
    private static final Duration ATTEMPT = Duration.ofMillis(500);
    private static final Duration BUDGET = Duration.ofSeconds(2);

    private final StubServer first = StubServer.start();
    private final StubServer second = StubServer.start();
    private ServerSocket silent;

    @AfterEach
    void closeSilent() throws IOException {
        if (silent != null) {
            silent.close();
        }
    }

    @Test
    void shouldAnswerFromAnotherInstanceWhenOneRefusesConnections() {
        // given an instance that is down, and one that answers
        second.answer("GET", "/x", 200, "{}");
        second.answer("POST", "/y", 201, "{}");
        WebClient web = client(closedPort(), URI.create(second.url()));
        // when / then: reads and writes alike, since a refused connection never reached anyone
        for (int i = 0; i < 4; i++) {
            assertThat(status(web.get().uri("/x"))).isEqualTo(200);
            assertThat(status(web.post().uri("/y"))).isEqualTo(201);
        }
    }

    @Test
    void shouldTryTheNextInstanceWhenOneAnswers503ToARead() {
        // given one instance rebalancing, one answering
        first.answer("GET", "/x", 503, "{}");
        second.answer("GET", "/x", 200, "{}");
        WebClient web = client(URI.create(first.url()), URI.create(second.url()));
        // when / then
        for (int i = 0; i < 4; i++) {
            assertThat(status(web.get().uri("/x"))).isEqualTo(200);
        }
        assertThat(first.received()).hasSize(2);
    }

    @Test
    void shouldNotRepeatAWriteThatAnInstanceAnswered() {
        // given the first instance in turn answers 503 to a write
        first.answer("POST", "/y", 503, "{}");
        second.answer("POST", "/y", 201, "{}");
        WebClient web = client(URI.create(first.url()), URI.create(second.url()));
        // when
        int status = status(web.post().uri("/y"));
        // then: the 503 stands, and the other instance never saw the write
        assertThat(status).isEqualTo(503);
        assertThat(second.received()).isEmpty();
    }

    @Test
    void shouldAskEachInstanceOnceWhenTheRequestIsMarkedOneRound() {
        // given both instances rebalancing
        first.answer("GET", "/x", 503, "{}");
        second.answer("GET", "/x", 503, "{}");
        WebClient web = client(URI.create(first.url()), URI.create(second.url()));
        // when
        int status = status(web.get().uri("/x").attribute(Failover.ONE_ROUND, true));
        // then: the 503 at once, after one request to each
        assertThat(status).isEqualTo(503);
        assertThat(first.received()).hasSize(1);
        assertThat(second.received()).hasSize(1);
    }

    @Test
    void shouldMoveOnWhenAnInstanceDoesNotAnswerInTime() throws IOException {
        // given an instance that accepts connections and never answers (a paused process)
        silent = new ServerSocket(0);
        second.answer("GET", "/x", 200, "{}");
        WebClient web = client(URI.create("http://127.0.0.1:" + silent.getLocalPort()), URI.create(second.url()));
        // when
        long started = System.nanoTime();
        int status = status(web.get().uri("/x"));
        // then
        assertThat(status).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BUDGET);
    }

    @Test
    void shouldGiveUpWithinTheBudgetWhenNoInstanceAnswers() {
        // given
        WebClient web = client(closedPort(), closedPort());
        long started = System.nanoTime();
        // when / then
        assertThatThrownBy(() -> status(web.get().uri("/x"))).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(BUDGET.minusMillis(600),
                BUDGET.plusSeconds(1));
    }

    @Test
    void shouldRefuseAListWithoutBaseUrls() {
        assertThatThrownBy(() -> Failover.instances(" , ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Failover.instances("http://a:1/internal")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Failover.instances("http://a:1, http://b:2")).containsExactly(URI.create("http://a:1"),
                URI.create("http://b:2"));
    }

    private static WebClient client(URI... instances) {
        return WebClient.builder().baseUrl(instances[0].toString())
                .filter(new Failover(List.of(instances), ATTEMPT, BUDGET)).build();
    }

    private static int status(WebClient.RequestHeadersSpec<?> request) {
        return request.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode()))
                .map(HttpStatusCode::value).block(Duration.ofSeconds(10));
    }

    private static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
