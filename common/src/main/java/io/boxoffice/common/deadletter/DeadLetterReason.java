package io.boxoffice.common.deadletter;

import java.util.Locale;

/**
 * Why a record went to a dead-letter topic: the value of the {@link DeadLetters#REASON} header, in lower case.
 * The codes are stable; operators filter and alert on them ({@code docs/dead-letters.md}).
 */
public enum DeadLetterReason {
    /** The value is not a JSON command document (not JSON, wrong types, or an empty record). */
    UNREADABLE,
    /** The command names no type, or one this version does not know (e.g. written by a newer producer). */
    UNKNOWN_TYPE,
    /** A required field is absent or blank. */
    MISSING_FIELD,
    /** A field has a shape no command may have (an id with a separator, a null seat, a reply partition below -1). */
    INVALID_FIELD,
    /** The record key is not the key the command must carry, so it reached the wrong single writer. */
    KEY_MISMATCH,
    /** Deciding the command threw: a bug or a bad stored value. Nothing of it was written. */
    DECISION_FAILED,
    /** Not a command: a stored value the single writer found unusable and removed from its store. */
    BAD_STORED_VALUE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the command itself is at fault, as opposed to Boxoffice deciding it. */
    public boolean malformed() {
        return this != DECISION_FAILED && this != BAD_STORED_VALUE;
    }
}
