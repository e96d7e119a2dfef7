package io.boxoffice.gateway.webapp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web app's page: {@code GET /} answers its one HTML document, whose modules are static resources under
 * {@code /app/} (application.yml). Routing inside the app uses the URL's fragment ({@code #/shows/…}), so every deep
 * link loads this same page and unknown server paths stay 404 problems. The page's Content-Security-Policy allows
 * only this origin's scripts, styles and connections: no inline script, nothing from elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class WebAppRoutes {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final Resource PAGE = new ClassPathResource("webapp/index.html");

    @Bean
    RouterFunction<ServerResponse> webAppPage() {
        return RouterFunctions.route()
                .GET("/", request -> page())
                .GET("/index.html", request -> page())
                .build();
    }

    private static reactor.core.publisher.Mono<ServerResponse> page() {
        return ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .bodyValue(PAGE);
    }
}
