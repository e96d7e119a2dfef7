package io.boxoffice.gateway;

import io.boxoffice.common.ProblemCodes;
import io.boxoffice.common.web.ApiException;

/** Rejects a malformed request before anything is written: 400 {@code invalid_request}. */
public final class Validation {
    private Validation() {
    }

    public static void require(boolean condition, String detail) {
        if (!condition) {
            throw new ApiException(400, ProblemCodes.INVALID_REQUEST, detail);
        }
    }
}
