package io.boxoffice.gateway.web;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.Problems;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.MethodNotAllowedException;

/**
 * Corrects two answers of common's {@code ProblemAdvice}, which it precedes: Spring 7 reports an
 * oversized body as a 413 {@code ResponseStatusException} (which the generic mapping would code
 * {@code invalid_request}, not {@code payload_too_large}), and a 405 must name the allowed methods
 * (RFC 9110 {@code Allow}). Every other failure is left to the common advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class GatewayProblemAdvice {

    @ExceptionHandler(ContentTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(ContentTooLargeException e) {
        return Problems.response(413, ProblemCodes.PAYLOAD_TOO_LARGE,
                "The request body is larger than 256 KB", Map.of());
    }

    @ExceptionHandler(MethodNotAllowedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(MethodNotAllowedException e) {
        ResponseEntity<ProblemDetail> problem = Problems.response(405, ProblemCodes.METHOD_NOT_ALLOWED,
                "Method not allowed here", Map.of());
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(problem.getHeaders());
        headers.setAllow(e.getSupportedMethods());
        return new ResponseEntity<>(problem.getBody(), headers, problem.getStatusCode());
    }
}
