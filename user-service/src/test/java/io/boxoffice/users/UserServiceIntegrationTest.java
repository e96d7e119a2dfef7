package io.boxoffice.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.boxoffice.common.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * The real service on a real (in-JVM, KRaft) broker: commands, the exactly-once decider, replies,
 * interactive queries and tokens end to end.
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
        // when
        Map<Integer, Long> statuses = Flux.range(0, 16)
                .flatMap(i -> http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("username", i % 2 == 0 ? "Racer" : "racer", "password", "password-" + i))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())),
                        16)
                .collectList().block(Duration.ofSeconds(40))
                .stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        // then
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 15L));
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
