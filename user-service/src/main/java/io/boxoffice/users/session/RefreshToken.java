package io.boxoffice.users.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A refresh token as the client holds it: {@code rt1.<username key>.<line id>.<generation>.<secret>}. The
 * username key (base64url of the lower-cased username) routes the token to its account's single writer
 * without a lookup, the line names one login, the generation counts its refreshes, and the 256-bit secret is
 * what proves possession. Only {@link #secretHash() the secret's SHA-256} is ever stored or sent to Kafka: a
 * fast hash suffices for a secret this long (bcrypt slows the guessing of short passwords), and refreshing
 * must stay cheap. Anything that does not parse is refused before any work is done.
 */
public record RefreshToken(String usernameKey, String lineId, int generation, String secret) {
    private static final String VERSION = "rt1";
    private static final int SECRET_BYTES = 32;
    private static final int MAX_LENGTH = 200;
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern LINE_ID = Pattern.compile("[0-9a-z]{16}");
    private static final Pattern GENERATION = Pattern.compile("0|[1-9][0-9]{0,8}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** The first token of a new line, for the account under {@code usernameKey}. */
    public static RefreshToken first(String usernameKey, String lineId) {
        return new RefreshToken(usernameKey, lineId, 0, newSecret());
    }

    /** The token that replaces this one when it is spent: same line, next generation, new secret. */
    public RefreshToken next() {
        return new RefreshToken(usernameKey, lineId, generation + 1, newSecret());
    }

    /**
     * The token in {@code text}, or empty when it is not one Boxoffice could have issued (wrong shape, version,
     * alphabet or length, or a username key that is not a lower-cased valid username per {@code validKey}).
     */
    public static Optional<RefreshToken> parse(String text, java.util.function.Predicate<String> validKey) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 5 || !parts[0].equals(VERSION) || !PART.matcher(parts[1]).matches()
                || !LINE_ID.matcher(parts[2]).matches() || !GENERATION.matcher(parts[3]).matches()
                || !PART.matcher(parts[4]).matches()) {
            return Optional.empty();
        }
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!key.equals(key.toLowerCase(Locale.ROOT)) || !validKey.test(key)
                || !ENCODER.encodeToString(key.getBytes(StandardCharsets.UTF_8)).equals(parts[1])) {
            return Optional.empty();
        }
        return Optional.of(new RefreshToken(key, parts[2], Integer.parseInt(parts[3]), parts[4]));
    }

    public String text() {
        return String.join(".", VERSION, ENCODER.encodeToString(usernameKey.getBytes(StandardCharsets.UTF_8)),
                lineId, Integer.toString(generation), secret);
    }

    /** What the store keeps of this token: SHA-256 of the secret, base64url. */
    public String secretHash() {
        return hash(secret);
    }

    static String hash(String secret) {
        try {
            return ENCODER.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return ENCODER.encodeToString(secret);
    }

    /** Never the secret: tokens may end up in logs through a record's string. */
    @Override
    public String toString() {
        return "RefreshToken[usernameKey=" + usernameKey + ", lineId=" + lineId + ", generation=" + generation + "]";
    }
}
