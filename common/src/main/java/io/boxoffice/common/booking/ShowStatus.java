package io.boxoffice.common.booking;

public enum ShowStatus { OPEN, CANCELLED }
