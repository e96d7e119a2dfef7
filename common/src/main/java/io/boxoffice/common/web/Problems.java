package io.boxoffice.common.web;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the contract's RFC 7807 documents: {@code type}, {@code title}, {@code status}, {@code detail}, {@code code}. */
public final class Problems {
    private static final String TYPE_PREFIX = "urn:boxoffice:problem:";

    private Problems() {
    }

    public static ProblemDetail of(int status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        HttpStatus known = HttpStatus.resolve(status);
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setProperty("code", code);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(int status, String code, String detail,
                                                         Map<String, Object> properties) {
        ProblemDetail problem = of(status, code, detail);
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    public static ResponseEntity<ProblemDetail> response(ApiException e) {
        ResponseEntity<ProblemDetail> problem = response(e.status(), e.code(), e.getMessage(), e.properties());
        return e.retryAfter().map(delay -> ResponseEntity.status(problem.getStatusCode())
                .headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(delay)))
                .body(problem.getBody())).orElse(problem);
    }

    /** {@code Retry-After} in whole seconds, rounded up and at least 1, so a client never comes back early. */
    public static long retryAfterSeconds(Duration delay) {
        long millis = Math.max(delay.toMillis(), 1);
        return (millis + 999) / 1000;
    }
}
