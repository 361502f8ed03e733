package io.sitemove.dns.cloudflare.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitemove.dns.internal.RRsetKey;
import java.util.ArrayList;
import java.util.List;

/** The records of one zone: listed page by page, created, overwritten and deleted by id. */
public final class RecordStore {
    /** Records asked for per page of a list. */
    public static final int PER_PAGE = 100;

    private final CloudflareClient client;
    private final ZoneInfo zone;

    public RecordStore(CloudflareClient client, ZoneInfo zone) {
        this.client = client;
        this.zone = zone;
    }

    public ZoneInfo zone() {
        return zone;
    }

    /** The records of one RRset, all pages: {@code GET /zones/{id}/dns_records?type=&name=&per_page=&page=}. */
    public List<CfRecord> list(RRsetKey set) {
        List<CfRecord> out = new ArrayList<>();
        String what = "the list of " + set + " in zone " + zone.name();
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            Envelope answer = client.call("GET", records() + CloudflareClient.query(CloudflareClient.params(
                    "type", set.type(), "name", ZoneInfo.relative(set.name()), "per_page", Integer.toString(PER_PAGE),
                    "page", Integer.toString(page))), null, what);
            for (JsonNode r : answer.result()) {
                CfRecord record = RecordCodec.fromJson(r);
                if (record.record().name().equals(set.name()) && record.record().type().equals(set.type())) {
                    out.add(record);
                }
            }
            pages = answer.resultInfo().path("total_pages").asInt(1);
        }
        return out;
    }

    /** The records of several RRsets, in order. */
    public List<CfRecord> list(List<RRsetKey> sets) {
        List<CfRecord> out = new ArrayList<>();
        sets.forEach(s -> out.addAll(list(s)));
        return out;
    }

    /** How many records the zone holds: {@code result_info.total_count} of a list of one per page. */
    public long count() {
        Envelope answer = client.call("GET", records() + CloudflareClient.query(CloudflareClient.params("per_page", "1")),
                null, "the count of records in zone " + zone.name());
        JsonNode total = answer.resultInfo().path("total_count");
        if (!total.canConvertToLong()) {
            throw new io.sitemove.dns.DnsException("Cloudflare's list of zone " + zone.name()
                    + " gave no result_info.total_count", null, false);
        }
        return total.asLong();
    }

    /** {@code POST /zones/{id}/dns_records}; the record created. */
    public CfRecord create(ObjectNode body, String what) {
        return RecordCodec.fromJson(client.call("POST", records(), body, what).result());
    }

    /** {@code PUT /zones/{id}/dns_records/{record}}; the record as overwritten. */
    public CfRecord overwrite(String id, ObjectNode body, String what) {
        return RecordCodec.fromJson(client.call("PUT", records() + "/" + id, body, what).result());
    }

    /** {@code DELETE /zones/{id}/dns_records/{record}}. */
    public void delete(String id, String what) {
        client.call("DELETE", records() + "/" + id, null, what);
    }

    private String records() {
        return "/zones/" + zone.id() + "/dns_records";
    }
}
