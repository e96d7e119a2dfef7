package io.boxoffice.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

/** The bearer token is read exactly as Spring Security's converter reads it, header by header. */
class BearerTokensTest {
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl-_";

    private final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
    private final ServerAuthenticationConverter ours = new BearerTokens();

    @Test
    void shouldAnswerAsSpringsConverterWhenHeadersAreWellFormedOrNot() {
        // given
        List<String> headers = new ArrayList<>(List.of("Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT,
                "Bearer " + JWT + "==", "Bearer abc=def", "Bearer  " + JWT, "Bearer " + JWT + " ", "Bearer",
                "Bearer ", "Bearerx " + JWT, "Bearer\t" + JWT, "Bearer " + JWT + "\n", "Basic YWxpY2U6cHc=", "",
                "Bearer é", "Bearer a b", "bearer", "Bearer ~+/._-", "Bearer ====", "Bear " + JWT));
        // and random strings over the interesting characters
        Random random = new Random(42);
        String alphabet = "Bb earERrx=~+/._-!é\t9aZ";
        for (int i = 0; i < 2000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "");
            for (int n = random.nextInt(12); n > 0; n--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        // when / then
        for (String header : headers) {
            assertThat(answer(ours, header)).as("Authorization: [%s]", header).isEqualTo(answer(spring, header));
        }
        assertThat(answer(ours, "Bearer " + JWT)).isEqualTo("token " + JWT);
        assertThat(answer(ours, null)).isEqualTo("none");
    }

    /** What a converter makes of the header: a token, none, or the error's message. */
    private static String answer(ServerAuthenticationConverter converter, String header) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/api/shows/s1/bookings");
        if (header != null) {
            request.header(HttpHeaders.AUTHORIZATION, header);
        }
        try {
            Authentication token = converter.convert(MockServerWebExchange.from(request)).block();
            return token == null ? "none" : "token " + ((BearerTokenAuthenticationToken) token).getToken();
        } catch (RuntimeException e) {
            return "error " + e.getMessage();
        }
    }
}
