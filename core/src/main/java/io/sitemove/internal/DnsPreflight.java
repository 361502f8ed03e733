package io.sitemove.internal;

import io.sitemove.DnsCutover;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.DnsCapabilities;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.DnsSwitcher;
import java.util.ArrayList;
import java.util.List;

/** Checks that a DNS provider can carry out what the plan asks of it. */
final class DnsPreflight {
    private DnsPreflight() {
    }

    static List<CheckResult> capabilities(DnsCutover cutover) {
        DnsSwitcher dns = cutover.switcher();
        DnsCapabilities can = dns.capabilities();
        List<CheckResult> checks = new ArrayList<>();
        for (DnsRecord r : cutover.records()) {
            checks.add(can.supports(r.type())
                    ? CheckResult.pass("dns", "record type " + r.type(), dns.name() + " handles " + r.type())
                    : CheckResult.fail("dns", "record type " + r.type(), dns.name() + " cannot change " + r.type()
                            + " records (it handles " + can.recordTypes() + "); use another provider for " + r.name()));
        }
        checks.add(can.ttlControl()
                ? CheckResult.pass("dns", "TTL control", dns.name() + " can lower the TTL")
                : CheckResult.fail("dns", "TTL control", dns.name() + " cannot set TTLs, so the moratorium cannot lower"
                        + " them; lower them by hand and build the plan's DnsCutover with waitForTtlExpiry(false)"));
        return checks;
    }
}
