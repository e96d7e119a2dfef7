package io.boxoffice.processor.stats;

/** Confirmed and rejected bookings of one show in one minute of event time (the windowed store's value). */
record MinuteCounts(long confirmed, long rejected) {

    static MinuteCounts zero() {
        return new MinuteCounts(0, 0);
    }

    MinuteCounts add(FeedEvent event) {
        return FeedEvent.BOOKING_CONFIRMED.equals(event.type()) ? new MinuteCounts(confirmed + 1, rejected)
                : new MinuteCounts(confirmed, rejected + 1);
    }
}
