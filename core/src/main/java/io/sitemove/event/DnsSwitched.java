package io.sitemove.event;

import io.sitemove.Phase;
import io.sitemove.spi.DnsChange;
import java.time.Instant;

/** DNS records were changed (TTL lowered, switched, restored or reverted). */
public record DnsSwitched(String site, Phase phase, Instant at, String purpose, DnsChange change, long serial) implements MigrationEvent {
}
