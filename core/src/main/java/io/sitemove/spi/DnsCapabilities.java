package io.sitemove.spi;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a DNS provider can do, so a plan it cannot carry out is refused before anything changes.
 *
 * @param recordTypes the record types it can read and change ("A", "AAAA", "CNAME", ...)
 * @param ttlControl whether it can set a record's TTL (the moratorium lowers it)
 * @param atomicMultiRecordChange whether several RRsets change in one all-or-nothing operation; when
 *     not, a failed multi-record change may be partly applied, and the provider reverts what it applied
 */
public record DnsCapabilities(Set<String> recordTypes, boolean ttlControl, boolean atomicMultiRecordChange) {
    public DnsCapabilities {
        recordTypes = Objects.requireNonNull(recordTypes, "recordTypes cannot be null").stream()
                .map(t -> t.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the provider handles this record type. */
    public boolean supports(String type) {
        return recordTypes.contains(type.toUpperCase(Locale.ROOT));
    }
}
