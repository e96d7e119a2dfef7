package io.boxoffice.common.booking;

import java.util.List;

/** A list answer, as the contract shapes every list: {@code {"items": [...]}}. */
public record Items<T>(List<T> items) {
}
