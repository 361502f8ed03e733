package io.sitemove.dns.cloudflare.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Cloudflare zone as {@code GET /zones} describes it.
 *
 * @param id its identifier
 * @param name its name, absolute, lower case ("example.com.")
 * @param nameServers the name servers Cloudflare assigned to it ("ada.ns.cloudflare.com")
 * @param status "active", "pending", ... ("" when not given)
 */
public record ZoneInfo(String id, String name, List<String> nameServers, String status) {
    public ZoneInfo {
        nameServers = List.copyOf(nameServers);
    }

    /** From one zone object of a result. */
    public static ZoneInfo of(JsonNode zone) {
        List<String> ns = new ArrayList<>();
        zone.path("name_servers").forEach(n -> ns.add(n.asText()));
        return new ZoneInfo(zone.path("id").asText(""), absolute(zone.path("name").asText("")), ns,
                zone.path("status").asText(""));
    }

    /** "example.com." from "Example.com" or "example.com.". */
    public static String absolute(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n : n + ".";
    }

    /** "example.com" from "example.com.": the form Cloudflare's API uses. */
    public static String relative(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
