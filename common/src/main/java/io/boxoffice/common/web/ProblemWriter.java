package io.boxoffice.common.web;

import io.boxoffice.common.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Writes a problem document straight to a response, for the places that run before any controller
 * (security entry points, filters) and so cannot rely on {@link ProblemAdvice}.
 */
public final class ProblemWriter {
    private ProblemWriter() {
    }

    public static Mono<Void> write(ServerHttpResponse response, int status, String code, String detail) {
        ProblemDetail problem = Problems.of(status, code, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        response.setStatusCode(HttpStatusCode.valueOf(status));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
