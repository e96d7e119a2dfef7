package io.boxoffice.common.web;

import io.boxoffice.common.ProblemCodes;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.reactive.resource.NoResourceFoundException;

/**
 * Turns every failure of a controller into the contract's problem+json with a stable {@code code}:
 * client mistakes (malformed JSON, wrong types, oversized bodies) are 4xx and change nothing; anything
 * unexpected is a 500 without a stack trace (which is only logged).
 */
@RestControllerAdvice
public class ProblemAdvice {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /**
     * The answer the handler below that Spring would pick gives to {@code failure}: for functional routes, which no
     * advice sees. The most specific type comes first, as in Spring's own choice of handler.
     */
    public ResponseEntity<ProblemDetail> problemFor(Throwable failure) {
        if (failure instanceof ApiException e) {
            return api(e);
        } else if (failure instanceof ServerWebInputException e) {
            return input(e);
        } else if (failure instanceof UnsupportedMediaTypeStatusException e) {
            return mediaType(e);
        } else if (failure instanceof MethodNotAllowedException e) {
            return method(e);
        } else if (failure instanceof ContentTooLargeException e) {
            return contentTooLarge(e);
        } else if (failure instanceof NoResourceFoundException e) {
            return noResource(e);
        } else if (failure instanceof ResponseStatusException e) {
            return status(e);
        } else if (failure instanceof DataBufferLimitException e) {
            return tooLarge(e);
        }
        return unexpected(failure instanceof Exception e ? e : new IllegalStateException(failure));
    }

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ProblemDetail> api(ApiException e) {
        return Problems.response(e);
    }

    @ExceptionHandler(ServerWebInputException.class)
    public ResponseEntity<ProblemDetail> input(ServerWebInputException e) {
        if (hasCause(e, DataBufferLimitException.class)) {
            return Problems.response(413, ProblemCodes.PAYLOAD_TOO_LARGE, "The request body is too large", Map.of());
        }
        return Problems.response(400, ProblemCodes.INVALID_REQUEST,
                "The request body or a parameter is malformed or of the wrong type", Map.of());
    }

    @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
    public ResponseEntity<ProblemDetail> mediaType(UnsupportedMediaTypeStatusException e) {
        return Problems.response(415, ProblemCodes.UNSUPPORTED_MEDIA_TYPE, "Send application/json", Map.of());
    }

    /** A 405 names the methods that are allowed (RFC 9110 {@code Allow}). */
    @ExceptionHandler(MethodNotAllowedException.class)
    public ResponseEntity<ProblemDetail> method(MethodNotAllowedException e) {
        ResponseEntity<ProblemDetail> problem = Problems.response(405, ProblemCodes.METHOD_NOT_ALLOWED,
                "Method not allowed here", Map.of());
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(problem.getHeaders());
        headers.setAllow(e.getSupportedMethods());
        return new ResponseEntity<>(problem.getBody(), headers, problem.getStatusCode());
    }

    /** Spring 7 reports a body over the codec limit as this 413; it must not be coded {@code invalid_request}. */
    @ExceptionHandler(ContentTooLargeException.class)
    public ResponseEntity<ProblemDetail> contentTooLarge(ContentTooLargeException e) {
        return Problems.response(413, ProblemCodes.PAYLOAD_TOO_LARGE, "The request body is too large", Map.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return Problems.response(404, ProblemCodes.NOT_FOUND, "No such resource", Map.of());
    }

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        int status = e.getStatusCode().value();
        HttpStatus known = HttpStatus.resolve(status);
        String code = status == 404 ? ProblemCodes.NOT_FOUND
                : status >= 500 ? ProblemCodes.INTERNAL : ProblemCodes.INVALID_REQUEST;
        return Problems.response(status, code, known != null ? known.getReasonPhrase() : "Error", Map.of());
    }

    @ExceptionHandler(DataBufferLimitException.class)
    public ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e) {
        return Problems.response(413, ProblemCodes.PAYLOAD_TOO_LARGE, "The request body is too large", Map.of());
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (hasCause(e, reactor.netty.channel.AbortedException.class)) {
            // The client hung up: nobody reads this answer, and it is not our failure.
            log.debug("Client closed the connection: {}", e.toString());
            return Problems.response(499, ProblemCodes.INVALID_REQUEST, "The client closed the connection", Map.of());
        }
        log.error("Unexpected failure", e);
        return Problems.response(500, ProblemCodes.INTERNAL, "Something went wrong on our side", Map.of());
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
