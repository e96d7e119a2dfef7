package io.boxoffice.processor.query;

import java.util.List;

/** A list answer: {@code {"items": [...]}}. */
record Items<T>(List<T> items) {
}
