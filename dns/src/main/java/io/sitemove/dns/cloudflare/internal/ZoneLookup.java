package io.sitemove.dns.cloudflare.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitemove.dns.DnsException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Finds the zone: by name with {@code GET /zones?name=...}, or by id with {@code GET /zones/{id}}. */
public final class ZoneLookup {
    private final CloudflareClient client;

    public ZoneLookup(CloudflareClient client) {
        this.client = client;
    }

    /**
     * @param name the zone's absolute name, or null when only the id is known
     * @param id the zone's id, or null to look it up by name
     */
    public ZoneInfo find(String name, String id) {
        if (id != null) {
            ZoneInfo zone = ZoneInfo.of(client.call("GET", "/zones/" + id, null, "the zone with id " + id).result());
            if (name != null && !zone.name().equals(name)) {
                throw new DnsException("the Cloudflare zone with id " + id + " is " + zone.name() + ", not " + name
                        + ": configure the zone id and name of the same zone", null, false);
            }
            return zone;
        }
        String what = "the zone named " + name;
        Envelope answer = client.call("GET", "/zones" + CloudflareClient.query(CloudflareClient.params(
                "name", ZoneInfo.relative(name))), null, what);
        List<ZoneInfo> found = new ArrayList<>();
        for (JsonNode z : answer.result()) {
            ZoneInfo zone = ZoneInfo.of(z);
            if (zone.name().equals(name)) {
                found.add(zone);
            }
        }
        if (found.isEmpty()) {
            throw new DnsException("no Cloudflare zone named " + name + " is visible to this API token: check the"
                    + " zone's name and that the token's zone resources include it", null, false);
        }
        if (found.size() > 1) {
            throw new DnsException("several Cloudflare zones are named " + name + " (ids "
                    + found.stream().map(ZoneInfo::id).collect(Collectors.joining(", ")) + "): configure zoneId(...)"
                    + " with the one to change", null, false);
        }
        return found.get(0);
    }
}
