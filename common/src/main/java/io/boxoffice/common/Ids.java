package io.boxoffice.common;

import java.security.SecureRandom;

/**
 * Identifier scheme. Ids are opaque to clients, but ids of things that belong to a show
 * (bookings, booking requests) start with the show id so that any service can route them to
 * the partition, and the single writer, of their show without a lookup.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Separates the show id from the rest; never part of a generated id. */
    public static final char SCOPE_SEPARATOR = '-';

    private Ids() {
    }

    /** A random 16-character id of {@code [0-9a-z]} (about 82 bits). */
    public static String random() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /** A request id scoped to a show: routes to that show's partition. */
    public static String requestFor(String showId) {
        return showId + SCOPE_SEPARATOR + "r" + random();
    }

    /** The id of the {@code sequence}-th booking of a show: deterministic, so a replay gives the same id. */
    public static String booking(String showId, long sequence) {
        return showId + SCOPE_SEPARATOR + sequence;
    }

    /** The show a show-scoped id belongs to, or {@code null} when the id is not show-scoped. */
    public static String showOf(String scopedId) {
        if (scopedId == null) {
            return null;
        }
        int at = scopedId.indexOf(SCOPE_SEPARATOR);
        return at > 0 && at < scopedId.length() - 1 ? scopedId.substring(0, at) : null;
    }

    /** The prefix all ids scoped to a show share; a range scan over it finds only that show's entries. */
    public static String scopePrefix(String showId) {
        return showId + SCOPE_SEPARATOR;
    }
}
