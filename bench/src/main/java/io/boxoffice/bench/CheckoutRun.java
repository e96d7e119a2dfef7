package io.boxoffice.bench;

/**
 * What the checkout scenario recorded while it ran, handed to the audit: each buyer's hold and
 * confirmation, the confirmations' answers (their status codes and latency), and the seat maps watched.
 */
record CheckoutRun(Checkouts buyers, Tally confirms, SeatMapWatch watch) {
}
