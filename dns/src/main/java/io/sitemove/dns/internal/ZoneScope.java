package io.sitemove.dns.internal;

import io.sitemove.dns.DnsException;
import io.sitemove.spi.DnsRecord;
import java.util.Collection;
import org.xbill.DNS.Name;

/** The zone a switcher changes, and the check that a name lies in it. */
public final class ZoneScope {
    private final Name zone;

    public ZoneScope(Name zone) {
        this.zone = zone;
    }

    public Name zone() {
        return zone;
    }

    /** The name as dnsjava's; throws when it lies outside the zone. */
    public Name check(String name) {
        Name n = Records.name(name);
        if (!n.subdomain(zone)) {
            throw new DnsException("'" + name + "' is outside the zone " + zone + " that this switcher changes: switch only"
                    + " names in " + zone + ", or use a switcher configured for the zone that holds " + name, null, false);
        }
        return n;
    }

    /** Checks every record's name. */
    public void checkAll(Collection<DnsRecord> records) {
        records.forEach(r -> check(r.name()));
    }

    @Override
    public String toString() {
        return zone.toString();
    }
}
