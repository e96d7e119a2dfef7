package io.boxoffice.bench;

/** A reason not to start (or go on with) the rehearsal that the user can fix; printed without a stack trace. */
final class BenchAbort extends RuntimeException {
    BenchAbort(String message) {
        super(message);
    }
}
