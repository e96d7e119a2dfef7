package io.boxoffice.gateway;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;
import java.util.regex.Pattern;

/**
 * Rejects a malformed request before anything is written: 400 {@code invalid_request}. Also tells
 * whether a path id can name anything at all, so that garbage never becomes a Kafka record key.
 */
public final class Validation {
    /** The gateway generates every movie and show id ({@code Ids.random()}): lower-case letters and digits. */
    private static final Pattern ID = Pattern.compile("[0-9a-z]{1,64}");
    /** An {@code Idempotency-Key}: 1 to 64 visible ASCII characters (no space, no control character). */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private Validation() {
    }

    public static void require(boolean condition, String detail) {
        if (!condition) {
            throw new ApiException(400, ProblemCodes.INVALID_REQUEST, detail);
        }
    }

    /** The idempotency key of a request, or null when it has none; 400 when it is malformed. */
    public static String idempotencyKey(String header) {
        require(header == null || IDEMPOTENCY_KEY.matcher(header).matches(),
                "Idempotency-Key must be 1 to 64 visible ASCII characters");
        return header;
    }

    /** Whether {@code id} has the shape of an id this system generates. */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
