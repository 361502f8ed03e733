package io.sitemove.spi;

import java.util.List;
import java.util.Objects;

/**
 * What an applied DNS change did.
 *
 * @param applied the records as they now are
 * @param serial the zone's SOA serial after the change, or -1 when the provider has none
 */
public record DnsApplyResult(List<DnsRecord> applied, long serial) {
    public DnsApplyResult {
        applied = List.copyOf(Objects.requireNonNull(applied, "applied cannot be null"));
    }
}
