package io.sitemove.spi;

import java.util.List;

/** What a {@link DnsSwitcher} is told. */
public interface DnsContext extends MigrationContext {
    /** The records the plan switches to, at their final TTL: their names and types are the ones read and changed. */
    List<DnsRecord> switchTo();
}
