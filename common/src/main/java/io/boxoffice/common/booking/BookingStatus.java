package io.boxoffice.common.booking;

public enum BookingStatus { ACTIVE, CANCELLED }
