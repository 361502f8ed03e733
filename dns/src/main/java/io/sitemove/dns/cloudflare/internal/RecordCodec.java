package io.sitemove.dns.cloudflare.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitemove.dns.DnsException;
import io.sitemove.dns.internal.Records;
import io.sitemove.spi.DnsRecord;
import java.util.Locale;
import java.util.Set;

/**
 * Converts between Cloudflare's record objects ({@code id, type, name, content, ttl, proxied,
 * priority, comment, tags}) and sitemove's records. Cloudflare writes names without the trailing
 * dot, puts an MX record's preference in {@code priority}, may give TXT content without quotes,
 * and uses TTL 1 for "automatic", which is 300 seconds for records that are not proxied.
 */
public final class RecordCodec {
    /** The types this provider reads and writes. */
    public static final Set<String> TYPES = Set.of("A", "AAAA", "CNAME", "TXT", "MX");
    /** The TTL Cloudflare means by "automatic" (its TTL 1) for records it does not proxy. */
    public static final long AUTOMATIC_TTL = 300;

    private static final Set<String> PROXIABLE = Set.of("A", "AAAA", "CNAME");

    private RecordCodec() {
    }

    /** A record of a list or write answer. */
    public static CfRecord fromJson(JsonNode r) {
        String type = r.path("type").asText("").toUpperCase(Locale.ROOT);
        String content = r.path("content").asText("");
        long ttl = r.path("ttl").asLong(1);
        String value = switch (type) {
            case "CNAME" -> ZoneInfo.absolute(content);
            case "MX" -> r.path("priority").asInt(0) + " " + ZoneInfo.absolute(content);
            case "TXT" -> content.startsWith("\"") ? content : quote(content);
            default -> content;
        };
        DnsRecord record = Records.normalize(new DnsRecord(ZoneInfo.absolute(r.path("name").asText("")), type,
                ttl == 1 ? AUTOMATIC_TTL : ttl, value));
        ObjectNode original = Envelope.MAPPER.createObjectNode();
        original.put("type", type);
        original.put("name", r.path("name").asText(""));
        original.put("content", content);
        original.put("ttl", ttl);
        if (PROXIABLE.contains(type)) {
            original.put("proxied", r.path("proxied").asBoolean(false));
        }
        if (r.has("priority") && r.get("priority").isNumber()) {
            original.put("priority", r.get("priority").asInt());
        }
        copyExtras(r, original);
        String id = r.path("id").asText("");
        if (!id.matches("[A-Za-z0-9]{1,64}")) {
            throw new DnsException("Cloudflare gave record " + record + " the id '" + id + "', which is not an"
                    + " identifier: refusing to use it in a request", null, false);
        }
        return new CfRecord(id, record, r.path("proxied").asBoolean(false), original);
    }

    /**
     * The body that writes {@code r}.
     *
     * @param proxied whether Cloudflare should proxy it (ignored for types it cannot proxy)
     * @param keep the record it overwrites, whose comment and tags are kept; or null
     */
    public static ObjectNode body(DnsRecord r, boolean proxied, CfRecord keep) {
        ObjectNode b = Envelope.MAPPER.createObjectNode();
        b.put("type", r.type());
        b.put("name", ZoneInfo.relative(r.name()));
        if ("MX".equals(r.type())) {
            String[] parts = r.value().split(" ", 2);
            b.put("content", ZoneInfo.relative(parts[1]));
            b.put("priority", Integer.parseInt(parts[0]));
        } else {
            b.put("content", "CNAME".equals(r.type()) ? ZoneInfo.relative(r.value()) : r.value());
        }
        b.put("ttl", r.ttl());
        if (PROXIABLE.contains(r.type())) {
            b.put("proxied", proxied);
        }
        if (keep != null) {
            copyExtras(keep.original(), b);
        }
        return b;
    }

    private static void copyExtras(JsonNode from, ObjectNode to) {
        if (from.path("comment").isTextual()) {
            to.put("comment", from.get("comment").asText());
        }
        if (from.path("tags").isArray() && !from.get("tags").isEmpty()) {
            to.set("tags", from.get("tags").deepCopy());
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
