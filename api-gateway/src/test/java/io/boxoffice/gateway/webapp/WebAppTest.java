package io.boxoffice.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.boxoffice.gateway.support.GatewayTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The gateway serves the web app: its page with a strict policy, its modules, and nothing else new. */
class WebAppTest extends GatewayTest {
    private static final Path WEBAPP = Path.of("src/main/resources/webapp");

    @Test
    void shouldServeThePageWithAStrictContentSecurityPolicyWhenTheRootIsAsked() {
        web.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Content-Security-Policy", WebAppRoutes.CONTENT_SECURITY_POLICY)
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("<script type=\"module\" src=\"/app/main.js\"></script>")
                        .doesNotContain("<script>"));
    }

    @Test
    void shouldServeModulesAsJavaScriptRevalidatedOnEveryLoad() {
        web.get().uri("/app/main.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("no-cache"));
        web.get().uri("/app/app.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
    }

    @Test
    void shouldAnswerProblemsWhenAPathIsUnknown() {
        expectProblem(web.get().uri("/app/nothing.js").exchange(), 404, "not_found");
        expectProblem(web.get().uri("/nothing").exchange(), 404, "not_found");
    }

    @Test
    void shouldImportOnlyModulesThatExistWhenTheAppLoads() throws IOException {
        // The check a bundler would make, without one: every relative import names a file that is served.
        Pattern imports = Pattern.compile("from '(\\.{1,2}/[^']+)'");
        try (Stream<Path> files = Files.walk(WEBAPP.resolve("app"))) {
            List<Path> modules = files.filter(file -> file.toString().endsWith(".js")).toList();
            assertThat(modules).isNotEmpty();
            for (Path module : modules) {
                Matcher matcher = imports.matcher(Files.readString(module));
                while (matcher.find()) {
                    Path target = module.getParent().resolve(matcher.group(1)).normalize();
                    assertThat(target).as("imported by %s", module).exists();
                }
            }
        }
    }
}
