package io.boxoffice.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The real service on a real (in-JVM, KRaft) broker: commands, the exactly-once decider, replies, logins,
 * refresh lines and tokens end to end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "boxoffice.users.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "boxoffice.users.state-dir=target/it-state/${random.uuid}",
        "boxoffice.users.jwt-key-file=target/it-secrets/${random.uuid}/jwt-signing-key.pem",
        "boxoffice.users.admin-password=" + UserServiceIntegrationTest.ADMIN_PASSWORD,
        "boxoffice.users.reply-timeout=PT20S"})
@EmbeddedKafka(partitions = 2, topics = {Topics.USER_COMMANDS, Topics.USER_REPLIES, Topics.USERS,
        Topics.USER_COMMANDS_DLQ},
        brokerProperties = {"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
                "offsets.topic.replication.factor=1"})
class UserServiceIntegrationTest {
    static final String ADMIN_PASSWORD = "it-admin-password";

    @LocalServerPort
    int port;

    private WebClient http;

    @BeforeEach
    void serviceIsHealthy() {
        http = WebClient.create("http://127.0.0.1:" + port);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/actuator/health", null).getStatusCode().is2xxSuccessful());
    }

    @Test
    void shouldLetANewUserLogInAndSeeThemselvesWhenRegistered() {
        // when
        ResponseEntity<Map> registered = post("/api/users", Map.of("username", "Carol", "password", "carol-secret"));
        ResponseEntity<Map> token = post("/api/auth/token", Map.of("username", "carol", "password", "carol-secret"));
        ResponseEntity<Map> me = get("/api/users/me", (String) token.getBody().get("accessToken"));
        // then
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        assertThat(token.getStatusCode().value()).isEqualTo(200);
        assertThat(me.getStatusCode().value()).isEqualTo(200);
        assertThat(me.getBody()).containsEntry("id", registered.getBody().get("id"))
                .containsEntry("username", "Carol").containsEntry("roles", List.of("USER"));
    }

    @Test
    void shouldLetExactlyOneWinWhen16RegistrationsOfOneNameRace() {
        // when 16 clients race, each coming back after Retry-After when the password bulkhead is full
        List<String> shed = new CopyOnWriteArrayList<>();
        Map<Integer, Long> statuses = Flux.range(0, 16)
                .flatMap(i -> Mono.defer(() -> http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("username", i % 2 == 0 ? "Racer" : "racer", "password", "password-" + i))
                                .exchangeToMono(response -> response.toEntity(Map.class)))
                        .flatMap(response -> {
                            if (response.getStatusCode().value() != 503) {
                                return Mono.just(response.getStatusCode().value());
                            }
                            shed.add(response.getBody().get("code") + " after "
                                    + response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
                            return Mono.error(new IllegalStateException("shed"));
                        })
                        .retryWhen(Retry.fixedDelay(60, Duration.ofSeconds(1))), 16)
                .collectList().block(Duration.ofSeconds(60))
                .stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        // then
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 15L));
        assertThat(shed).as("sign-ups beyond the bulkhead are shed at once, saying when to return")
                .isNotEmpty().allMatch(answer -> answer.equals(ProblemCodes.OVERLOADED + " after 1"));
    }

    @Test
    void shouldRotateThenRevokeTheLineWhenASpentTokenReturns() {
        // given
        post("/api/users", Map.of("username", "Dora", "password", "dora-secret"));
        ResponseEntity<Map> login = post("/api/auth/token", Map.of("username", "dora", "password", "dora-secret"));
        String first = (String) login.getBody().get("refreshToken");
        // when
        ResponseEntity<Map> refreshed = post("/api/auth/refresh", Map.of("refreshToken", first));
        String second = (String) refreshed.getBody().get("refreshToken");
        ResponseEntity<Map> replayed = post("/api/auth/refresh", Map.of("refreshToken", first));
        ResponseEntity<Map> afterTheft = post("/api/auth/refresh", Map.of("refreshToken", second));
        // then
        assertThat(refreshed.getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/users/me", (String) refreshed.getBody().get("accessToken")).getBody())
                .containsEntry("username", "Dora");
        assertThat(replayed.getStatusCode().value()).isEqualTo(401);
        assertThat(replayed.getBody()).containsEntry("code", ProblemCodes.INVALID_REFRESH_TOKEN);
        assertThat(afterTheft.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void shouldEnsureTheAdminWithBothRolesWhenAdminPasswordIsSet() {
        // when the start-up command has been decided
        ResponseEntity<Map> token = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> post("/api/auth/token", Map.of("username", "admin", "password", ADMIN_PASSWORD)),
                        response -> response.getStatusCode().value() == 200);
        // then
        ResponseEntity<Map> me = get("/api/users/me", (String) token.getBody().get("accessToken"));
        assertThat(me.getBody()).containsEntry("username", "admin").containsEntry("roles", List.of("USER", "ADMIN"));
    }

    private ResponseEntity<Map> post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.toEntity(Map.class)).block(Duration.ofSeconds(30));
    }

    private ResponseEntity<Map> get(String path, String token) {
        return http.get().uri(path).headers(headers -> {
            if (token != null) {
                headers.setBearerAuth(token);
            }
        }).exchangeToMono(response -> response.toEntity(Map.class)).block(Duration.ofSeconds(30));
    }
}
