package io.boxoffice.gateway.bench;

import io.boxoffice.gateway.support.GatewayTest;
import io.boxoffice.gateway.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/** By default the ceiling endpoint does not exist: a benchmark aid never ships switched on. */
class CeilingRoutesDisabledTest extends GatewayTest {

    @Test
    void shouldAnswer404WhenBenchEndpointIsNotEnabled() {
        // when
        WebTestClient.ResponseSpec response = CeilingRoutesTest.ceiling(web, Tokens.user("u1"), "{\"seats\":[7]}");
        // then
        expectProblem(response, 404, "not_found");
        assertNothingSent();
    }
}
