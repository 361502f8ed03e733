package io.sitemove.dns.cloudflare;

import io.sitemove.Server;
import io.sitemove.spi.DnsContext;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.PreflightContext;

/** A context for calling the switcher directly: the records to switch to; no servers. */
record CfContext(java.util.List<DnsRecord> switchTo) implements DnsContext, PreflightContext {
    @Override
    public String site() {
        return "cloudflare-test";
    }

    @Override
    public Server source() {
        return null;
    }

    @Override
    public Server target() {
        return null;
    }

}
