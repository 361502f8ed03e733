package io.sitemove.dns.internal;

/** SOA serial comparison in RFC 1982 serial number arithmetic (32 bits, wrapping). */
public final class SerialNumbers {
    private SerialNumbers() {
    }

    /** True when {@code serial} is equal to or later than {@code reference}. */
    public static boolean atLeast(long serial, long reference) {
        long diff = (serial - reference) & 0xffffffffL;
        return diff < 0x80000000L;
    }
}
