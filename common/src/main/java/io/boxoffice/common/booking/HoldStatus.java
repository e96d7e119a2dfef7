package io.boxoffice.common.booking;

/** A hold is {@code HELD} until it ends in exactly one of the other three. */
public enum HoldStatus { HELD, CONFIRMED, RELEASED, EXPIRED }
