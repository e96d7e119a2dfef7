package io.boxoffice.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.common.Json;
import io.boxoffice.common.ProblemCodes;
import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.web.ProblemCatalog;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document generated from the controllers covers the whole contract: every endpoint, every
 * status and problem code, the forwarded account routes with their real bodies, the asynchronous mode,
 * and who may call what. The document and Swagger UI are public.
 */
class OpenApiDocumentTest extends GatewayTest {
    /** Every endpoint of the HTTP contract, plus what Boxoffice adds (GET a movie, show statistics). */
    private static final List<String> ENDPOINTS = List.of(
            "POST /api/users", "POST /api/auth/token", "POST /api/auth/refresh", "POST /api/auth/logout",
            "GET /api/users/me", "GET /api/users/me/bookings",
            "GET /.well-known/jwks.json",
            "POST /api/movies", "GET /api/movies", "GET /api/movies/{movieId}", "GET /api/movies/{movieId}/shows",
            "POST /api/shows", "GET /api/shows/{showId}", "GET /api/shows/{showId}/seats",
            "GET /api/shows/{showId}/seats/events",
            "POST /api/shows/{showId}/cancel",
            "POST /api/shows/{showId}/bookings", "GET /api/bookings/{bookingId}",
            "POST /api/bookings/{bookingId}/cancel",
            "GET /api/booking-requests/{requestId}", "GET /api/booking-requests/{requestId}/events",
            "GET /api/shows/{showId}/stats", "GET /api/shows/{showId}/stats/stream");
    private static final List<String> PUBLIC = List.of("POST /api/users", "POST /api/auth/token",
            "POST /api/auth/refresh",
            "GET /.well-known/jwks.json", "GET /api/movies", "GET /api/movies/{movieId}",
            "GET /api/movies/{movieId}/shows", "GET /api/shows/{showId}", "GET /api/shows/{showId}/seats",
            "GET /api/shows/{showId}/seats/events");

    private JsonNode doc;

    /** The first request builds the document, which takes seconds on a busy machine. */
    @BeforeEach
    void fetchDocument() {
        byte[] body = web.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();
        doc = Json.MAPPER.readTree(body);
    }

    private JsonNode operation(String endpoint) {
        String[] methodAndPath = endpoint.split(" ");
        return doc.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase());
    }

    private List<String> responseCodes(String endpoint) {
        return new ArrayList<>(operation(endpoint).path("responses").propertyNames());
    }

    private List<String> problemCodes(String endpoint, String status) {
        JsonNode examples = operation(endpoint).path("responses").path(status).path("content")
                .path("application/problem+json").path("examples");
        return new ArrayList<>(examples.propertyNames());
    }

    @Test
    void shouldListEveryContractEndpointWhenDocumentIsFetched() {
        // then
        List<String> missing = ENDPOINTS.stream().filter(endpoint -> operation(endpoint).isMissingNode()).toList();
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldListEveryStatusAndCodeOfBookingWhenDocumentIsFetched() {
        // given
        String book = "POST /api/shows/{showId}/bookings";
        // then
        assertThat(responseCodes(book)).contains("201", "202", "400", "401", "404", "409", "503", "504")
                .doesNotContain("200", "403");
        assertThat(problemCodes(book, "400")).containsExactlyInAnyOrder("invalid_request", "seat_out_of_range");
        assertThat(problemCodes(book, "404")).containsExactly("show_not_found");
        assertThat(problemCodes(book, "409"))
                .containsExactlyInAnyOrder("seat_taken", "sold_out", "show_cancelled", "limit_exceeded");
        assertThat(problemCodes(book, "503")).containsExactlyInAnyOrder("overloaded", "unavailable");
        assertThat(problemCodes(book, "504")).containsExactly("timeout");
        JsonNode seatTaken = operation(book).path("responses").path("409").path("content")
                .path("application/problem+json").path("examples").path("seat_taken").path("value");
        assertThat(seatTaken.path("seats").isArray()).isTrue();
        assertThat(operation(book).path("responses").path("201").path("headers").has("Location")).isTrue();
        assertThat(operation(book).path("responses").path("503").path("headers").has("Retry-After")).isTrue();
    }

    @Test
    void shouldDocumentAsynchronousModeWhenDocumentIsFetched() {
        // given
        JsonNode accepted = operation("POST /api/shows/{showId}/bookings").path("responses").path("202");
        JsonNode events = operation("GET /api/booking-requests/{requestId}/events").path("responses");
        // then
        assertThat(accepted.path("headers").has("Location")).isTrue();
        assertThat(accepted.path("headers").has("Preference-Applied")).isTrue();
        assertThat(accepted.path("content").path("application/json").path("schema").path("$ref").asString())
                .endsWith("/RequestOutcome");
        assertThat(events.path("200").path("content").has("text/event-stream")).isTrue();
        assertThat(problemCodes("GET /api/booking-requests/{requestId}/events", "404"))
                .containsExactly("request_not_found");
        assertThat(problemCodes("GET /api/booking-requests/{requestId}", "404")).containsExactly("request_not_found");
        List<String> headers = new ArrayList<>();
        operation("POST /api/shows/{showId}/bookings").path("parameters")
                .forEach(parameter -> headers.add(parameter.path("name").asString()));
        assertThat(headers).contains("Idempotency-Key", "Prefer");
        JsonNode outcome = doc.path("components").path("schemas").path("RequestOutcome").path("properties");
        assertThat(outcome.path("problem").path("$ref").asString()).endsWith("/Problem");
    }

    @Test
    void shouldMarkPublicEndpointsAndRequireBearerTokenElsewhereWhenDocumentIsFetched() {
        // given
        JsonNode scheme = doc.path("components").path("securitySchemes").path("bearer");
        // then
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(doc.path("security").get(0).has("bearer")).isTrue();
        for (String endpoint : ENDPOINTS) {
            JsonNode security = operation(endpoint).path("security");
            boolean isPublic = security.isArray() && security.isEmpty();
            assertThat(isPublic).as(endpoint).isEqualTo(PUBLIC.contains(endpoint));
        }
        assertThat(problemCodes("POST /api/movies", "403")).containsExactly("forbidden");
        assertThat(responseCodes("GET /api/movies")).doesNotContain("401", "403");
    }

    @Test
    void shouldDocumentForwardedAccountRoutesWithTheirRealBodiesWhenDocumentIsFetched() {
        // given
        JsonNode schemas = doc.path("components").path("schemas");
        JsonNode register = operation("POST /api/users");
        // then
        assertThat(register.path("requestBody").path("content").path("application/json").path("schema")
                .path("$ref").asString()).endsWith("/NewUser");
        assertThat(schemas.path("NewUser").path("properties").propertyNames())
                .containsExactlyInAnyOrder("username", "password", "email");
        assertThat(register.path("responses").path("201").path("content").path("application/json").path("schema")
                .path("$ref").asString()).endsWith("/RegisteredUser");
        assertThat(problemCodes("POST /api/users", "409")).containsExactly("username_taken");
        assertThat(problemCodes("POST /api/auth/token", "401")).containsExactly("bad_credentials");
        assertThat(problemCodes("POST /api/auth/token", "429")).containsExactly("too_many_attempts");
        assertThat(problemCodes("POST /api/auth/token", "503")).contains("overloaded");
        assertThat(operation("POST /api/auth/token").path("responses").path("429").path("headers").has("Retry-After"))
                .isTrue();
        assertThat(schemas.path("TokenPair").path("properties").propertyNames()).containsExactlyInAnyOrder(
                "accessToken", "tokenType", "expiresIn", "refreshToken", "refreshExpiresIn");
        assertThat(problemCodes("POST /api/auth/refresh", "401")).containsExactly("invalid_refresh_token");
        assertThat(operation("POST /api/auth/refresh").path("responses").path("200").path("content")
                .path("application/json").path("schema").path("$ref").asString()).endsWith("/TokenPair");
        assertThat(problemCodes("POST /api/auth/logout", "401"))
                .containsExactlyInAnyOrder("unauthenticated", "invalid_refresh_token");
        assertThat(operation("POST /api/auth/logout").path("responses").has("204")).isTrue();
        assertThat(schemas.path("Account").path("properties").propertyNames())
                .containsExactlyInAnyOrder("id", "username", "roles");
        assertThat(schemas.path("JwkSet").path("properties").has("keys")).isTrue();
        assertThat(doc.toString()).doesNotContain("\"format\":\"binary\"").doesNotContain("\"format\":\"byte\"");
    }

    @Test
    void shouldDescribeProblemSchemaWithEveryCodeWhenDocumentIsFetched() throws IllegalAccessException {
        // given
        JsonNode problem = doc.path("components").path("schemas").path("Problem");
        List<String> allCodes = new ArrayList<>();
        for (Field field : ProblemCodes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                allCodes.add((String) field.get(null));
            }
        }
        // then
        assertThat(problem.path("properties").propertyNames())
                .contains("type", "title", "status", "detail", "code", "seats", "requestId");
        List<String> documented = new ArrayList<>();
        problem.path("properties").path("code").path("enum").forEach(code -> documented.add(code.asString()));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(allCodes);
        List<String> required = new ArrayList<>();
        problem.path("required").forEach(name -> required.add(name.asString()));
        assertThat(required).containsExactlyInAnyOrder("type", "title", "status", "detail", "code");
    }

    @Test
    void shouldReferToProblemSchemaWhenAnyErrorIsDocumented() {
        // then
        for (String endpoint : ENDPOINTS) {
            operation(endpoint).path("responses").properties().forEach(response -> {
                if (Integer.parseInt(response.getKey()) >= 400) {
                    assertThat(response.getValue().path("content").path("application/problem+json").path("schema")
                            .path("$ref").asString()).as(endpoint + " " + response.getKey()).endsWith("/Problem");
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v3/api-docs", "/v3/api-docs/swagger-config", "/webjars/swagger-ui/index.html"})
    void shouldServeDocumentAndUiWithoutTokenEvenWhenTokenIsBad(String path) {
        // when / then
        web.get().uri(path).exchange().expectStatus().isOk();
        web.get().uri(path).headers(h -> h.setBearerAuth("not-a-token")).exchange().expectStatus().isOk();
    }

    @Test
    void shouldRedirectToSwaggerUiWhenSwaggerUiHtmlIsRequested() {
        // when / then
        web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> assertThat(location).contains("/swagger-ui/index.html"));
    }

    @Test
    void shouldKeepCatalogueInStepWithProblemCodesWhenCodesAreAdded() {
        // then: ProblemCatalog.of throws for a code it does not know
        assertThat(ProblemCatalog.codes()).doesNotHaveDuplicates();
        assertThat(Arrays.stream(ProblemCodes.class.getFields()).map(Field::getName))
                .hasSameSizeAs(ProblemCatalog.codes());
    }
}
