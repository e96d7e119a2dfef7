package io.boxoffice.gateway.openapi;

import io.boxoffice.gateway.web.ProblemCatalog;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The base of the OpenAPI document springdoc generates from the controllers (/v3/api-docs, Swagger UI at
 * /swagger-ui.html): the API's description, the bearer-token scheme every endpoint needs unless its
 * {@link Contract} says it is public, and the one Problem schema all error responses refer to.
 */
@Configuration
class OpenApiConfig {
    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    private static final String DESCRIPTION = """
            Boxoffice books movie-theatre seats; every booking is decided by the show's single writer on Kafka.

            JSON in and out, UTF-8. Every error is `application/problem+json` (RFC 7807) with `type`, `title`, \
            `status`, `detail` and a stable `code` (schema `Problem`). On any path: an unknown path is 404 \
            `not_found`, a method the path does not take is 405 `method_not_allowed` with `Allow`, a body over \
            256 KB is 413 `payload_too_large`, a body that is not JSON is 415 `unsupported_media_type`.

            Sessions: POST /api/auth/token answers an access token (15 minutes by default) and a single-use \
            refresh token (14 days); POST /api/auth/refresh spends the refresh token for a new pair, and \
            POST /api/auth/logout ends the session.

            Booking requests can carry `Idempotency-Key` and `Prefer: respond-async`; see the booking endpoint \
            and the booking-requests endpoints. The repository's docs/api.md is the full reference.""";

    @Bean
    OpenAPI boxofficeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Boxoffice API").version("v1").description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("An access token from POST /api/auth/token or /api/auth/refresh (RS256, verified "
                                        + "against /.well-known/jwks.json)"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 7807 problem document; `code` is the stable machine-readable reason")
                .addProperty("type", new StringSchema().format("uri").example("urn:boxoffice:problem:seat_taken")
                        .description("urn:boxoffice:problem:<code>"))
                .addProperty("title", new StringSchema().example("Conflict").description("The status's reason phrase"))
                .addProperty("status", new IntegerSchema().example(409))
                .addProperty("detail", new StringSchema().example("Some seats are taken")
                        .description("For people; may change, never parse it"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .example("/api/shows/k3v9x0q2m1n8b7c4/bookings"))
                .addProperty("code", new StringSchema()._enum(ProblemCatalog.codes()).example("seat_taken"))
                .addProperty("seats", new ArraySchema().items(new IntegerSchema()).example(List.of(4, 5))
                        .description("Only with `seat_taken` (the seats already taken) and `seat_out_of_range` "
                                + "(the seats outside 1..totalSeats)"))
                .addProperty("requestId", new StringSchema().description("Only with `timeout`: the request whose "
                        + "outcome GET /api/booking-requests/{requestId} tells"))
                .required(List.of("type", "title", "status", "detail", "code"));
    }
}
