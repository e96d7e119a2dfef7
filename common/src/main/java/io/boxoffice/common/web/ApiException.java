package io.boxoffice.common.web;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A client-facing failure with the contract's status and code; rendered as problem+json by {@link ProblemAdvice},
 * with {@code Retry-After} when the failure says when to come back.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, Object> properties;
    private final Duration retryAfter;

    public ApiException(int status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    public ApiException(int status, String code, String detail, Map<String, Object> properties) {
        this(status, code, detail, properties, null);
    }

    private ApiException(int status, String code, String detail, Map<String, Object> properties,
                         Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.properties = properties;
        this.retryAfter = retryAfter;
    }

    /** The same failure, telling the client to wait {@code delay} before asking again (429, 503). */
    public ApiException retryAfter(Duration delay) {
        return new ApiException(status, code, getMessage(), properties, delay);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
