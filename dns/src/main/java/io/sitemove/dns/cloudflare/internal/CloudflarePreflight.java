package io.sitemove.dns.cloudflare.internal;

import io.sitemove.dns.DnsException;
import io.sitemove.dns.DnsTimeoutException;
import io.sitemove.dns.cloudflare.CloudflareApiException;
import io.sitemove.dns.internal.RRsetKey;
import io.sitemove.spi.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks, without changing anything, that the token is accepted, the zone found and active, the
 * records readable, their types supported and none of them proxied.
 */
public final class CloudflarePreflight {
    private static final String COMPONENT = "dns";

    private final Supplier<ZoneInfo> zone;
    private final Function<ZoneInfo, RecordStore> store;

    public CloudflarePreflight(Supplier<ZoneInfo> zone, Function<ZoneInfo, RecordStore> store) {
        this.zone = zone;
        this.store = store;
    }

    public List<CheckResult> run(String zoneLabel, List<RRsetKey> sets) {
        List<CheckResult> out = new ArrayList<>();
        List<String> unsupported = sets.stream().map(RRsetKey::type).distinct()
                .filter(t -> !RecordCodec.TYPES.contains(t)).toList();
        out.add(unsupported.isEmpty()
                ? CheckResult.pass(COMPONENT, "record types supported by Cloudflare switcher", "types "
                        + sets.stream().map(RRsetKey::type).distinct().toList())
                : CheckResult.fail(COMPONENT, "record types supported by Cloudflare switcher", "types " + unsupported
                        + " are not supported (only " + RecordCodec.TYPES + "): switch those records another way"));
        ZoneInfo found;
        try {
            found = zone.get();
        } catch (CloudflareApiException e) {
            out.add(CheckResult.fail(COMPONENT, e.isAuthenticationFailure() ? "Cloudflare API token accepted"
                    : "Cloudflare API answers", e.getMessage()));
            return out;
        } catch (DnsTimeoutException e) {
            out.add(CheckResult.failed(COMPONENT, "Cloudflare API reachable", e));
            return out;
        } catch (DnsException e) {
            out.add(CheckResult.pass(COMPONENT, "Cloudflare API token accepted", "the zone list was read"));
            out.add(CheckResult.failed(COMPONENT, "Cloudflare zone " + zoneLabel + " found", e));
            return out;
        }
        out.add(CheckResult.pass(COMPONENT, "Cloudflare API token accepted", "zone " + found.name() + " was read"));
        boolean active = found.status().isEmpty() || "active".equals(found.status());
        out.add(new CheckResult(COMPONENT, "Cloudflare zone " + found.name() + " found and active", active, "id "
                + found.id() + ", status " + (found.status().isEmpty() ? "not given" : found.status()) + ", name servers "
                + found.nameServers() + (active ? "" : ": the zone is not active at Cloudflare, so Cloudflare's name"
                        + " servers are not (yet) the zone's; finish its setup (delegation) before switching")));
        List<String> supportedSets = sets.stream().filter(s -> RecordCodec.TYPES.contains(s.type()))
                .map(RRsetKey::toString).toList();
        try {
            List<CfRecord> records = store.apply(found).list(sets.stream()
                    .filter(s -> RecordCodec.TYPES.contains(s.type())).toList());
            out.add(CheckResult.pass(COMPONENT, "records readable at Cloudflare", records.size() + " records at "
                    + supportedSets + ": " + records.stream().map(CfRecord::record).toList()));
            List<CfRecord> proxied = records.stream().filter(CfRecord::proxied).toList();
            out.add(proxied.isEmpty()
                    ? CheckResult.pass(COMPONENT, "records not proxied by Cloudflare", "all are DNS only")
                    : CheckResult.fail(COMPONENT, "records not proxied by Cloudflare", "proxied: " + proxied
                            + "; resolvers get Cloudflare's addresses for them, not their content, so the switch"
                            + " cannot be checked on the name servers: set them to DNS only before migrating"));
        } catch (DnsException | IllegalArgumentException e) {
            out.add(CheckResult.fail(COMPONENT, "records readable at Cloudflare", e.getMessage()));
        }
        return out;
    }
}
