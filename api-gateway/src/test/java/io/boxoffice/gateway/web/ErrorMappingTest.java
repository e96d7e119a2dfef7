package io.boxoffice.gateway.web;

import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Requests no handler serves still get the contract's problem documents, never Boot's error JSON. */
class ErrorMappingTest extends GatewayTest {

    @Test
    void shouldAnswer404NotFoundWhenPathIsUnknown() {
        // when / then
        expectProblem(web.get().uri("/api/nothing-here").exchange(), 404, "not_found");
        expectProblem(web.get().uri("/nothing").headers(h -> h.setBearerAuth(Tokens.user("u1"))).exchange(),
                404, "not_found");
    }

    @Test
    void shouldAnswer405WithAllowWhenMethodIsWrong() {
        // when / then
        expectProblem(web.delete().uri("/api/movies").exchange()
                .expectHeader().value("Allow", allow -> org.assertj.core.api.Assertions.assertThat(allow)
                        .contains("GET").contains("POST")), 405, "method_not_allowed");
        expectProblem(web.put().uri("/api/shows/s1show").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange(), 405, "method_not_allowed");
    }

    @Test
    void shouldAnswer405WithAllowPostWhenBookingRouteIsCalledWithAnotherMethod() {
        // when / then: the functional booking route answers as the annotated routes do
        expectProblem(web.get().uri("/api/shows/s1show/bookings").exchange()
                .expectHeader().valueEquals("Allow", "POST"), 405, "method_not_allowed")
                .jsonPath("$.instance").isEqualTo("/api/shows/s1show/bookings");
        expectProblem(web.put().uri("/api/shows/s1show/bookings").headers(h -> h.setBearerAuth(Tokens.user("u1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"seats\":[1]}").exchange()
                .expectHeader().valueEquals("Allow", "POST"), 405, "method_not_allowed");
        assertNothingSent();
    }

    @Test
    void shouldAnswer413WhenProxiedBodyIsLargerThan256KB() {
        // when / then
        expectProblem(web.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + "x".repeat(300_000) + "\"}").exchange(), 413, "payload_too_large");
    }

    @Test
    void shouldAnswerProblemJsonWhenClientAcceptsOnlyXml() {
        // given
        STUB.answer("GET", "/internal/movies", 200, "{\"items\":[]}");
        // when / then
        expectProblem(web.get().uri("/api/movies").accept(MediaType.APPLICATION_XML).exchange(),
                406, "invalid_request");
    }

    @Test
    void shouldAnswer400ProblemWhenFirewallRefusesPath() {
        // when / then: an encoded slash could name another route once decoded
        expectProblem(web.get().uri("/api/shows/s1%2Fshow").exchange(), 400, "invalid_request");
        expectProblem(web.get().uri("/api/shows/s1show;x=1").exchange(), 400, "invalid_request");
    }
}
