package io.sitemove.dns.cloudflare.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitemove.spi.DnsRecord;

/**
 * One record as Cloudflare holds it.
 *
 * @param id Cloudflare's identifier of the record
 * @param record the record, its value canonical and an automatic TTL shown as 300
 * @param proxied whether Cloudflare proxies it (then resolvers see Cloudflare's addresses)
 * @param original the writable fields exactly as read (the TTL 1 of "automatic" included): a body
 *     that restores the record as it was
 */
public record CfRecord(String id, DnsRecord record, boolean proxied, ObjectNode original) {
    public CfRecord {
        original = original.deepCopy();
    }

    @Override
    public ObjectNode original() {
        return original.deepCopy();
    }

    @Override
    public String toString() {
        return record + " (id " + id + (proxied ? ", proxied" : "") + ")";
    }
}
