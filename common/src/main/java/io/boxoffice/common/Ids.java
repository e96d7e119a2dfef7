package io.boxoffice.common;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    private static final int NONCE_LENGTH = 16;
    /** Binds a request id to its requester: checked against the caller, so it needs no secret. */
    private static final int TAG_LENGTH = 10;

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

    /**
     * A fresh request id for a command of {@code userId} about {@code showId}: {@code <showId>-r<nonce><tag>}.
     * It routes to the show's partition, and its tag names the requester without storing anything: only
     * the same user's id reproduces it ({@link #requestedBy}).
     */
    public static String requestFor(String showId, String userId) {
        return request(showId, userId, random());
    }

    /**
     * The request id of a request made with an idempotency key: the same user, show and key always give the
     * same id, so a repeat is the same request to the show's single writer, which decides it once.
     */
    public static String idempotentRequest(String showId, String userId, String idempotencyKey) {
        return request(showId, userId, digest("idempotency-key", userId, idempotencyKey, NONCE_LENGTH));
    }

    /**
     * The request id of a command of another {@code kind} than a booking made with an idempotency key: a key
     * names one request of one kind, so the same key on a hold and on a booking are two requests, never the
     * repeat of each other. (Bookings keep the id above, which they had before other commands took keys, so
     * that a retry sent across that change still finds its original.)
     */
    public static String idempotentRequest(String showId, String userId, String kind, String idempotencyKey) {
        return request(showId, userId, digest("idempotency-key:" + kind, userId, idempotencyKey, NONCE_LENGTH));
    }

    /** Whether {@code requestId} is a well-formed request id made for {@code userId}. */
    public static boolean requestedBy(String requestId, String userId) {
        String showId = showOf(requestId);
        int start = showId == null ? -1 : showId.length() + 2;
        if (start < 0 || requestId.length() != start + NONCE_LENGTH + TAG_LENGTH
                || requestId.charAt(start - 1) != 'r') {
            return false;
        }
        String nonce = requestId.substring(start, start + NONCE_LENGTH);
        return requestId.equals(request(showId, userId, nonce));
    }

    private static String request(String showId, String userId, String nonce) {
        return showId + SCOPE_SEPARATOR + "r" + nonce + digest("requester", userId, showId + nonce, TAG_LENGTH);
    }

    /** {@code length} characters of [0-9a-z] derived from SHA-256 of the parts. */
    private static String digest(String purpose, String first, String second, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {purpose, first, second}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            String base36 = new BigInteger(1, sha.digest()).toString(36);
            return "0".repeat(Math.max(0, length - base36.length())) + base36.substring(0, Math.min(length, base36.length()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The id of the {@code sequence}-th booking of a show: deterministic, so a replay gives the same id. */
    public static String booking(String showId, long sequence) {
        return showId + SCOPE_SEPARATOR + sequence;
    }

    /** The id of the {@code sequence}-th hold of a show: deterministic, and never a booking's id. */
    public static String hold(String showId, long sequence) {
        return showId + SCOPE_SEPARATOR + "h" + sequence;
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
