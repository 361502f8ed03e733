package io.sitemove.dns;

import io.sitemove.Server;
import io.sitemove.spi.DnsContext;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.PreflightContext;
import java.util.List;

/**
 * A context for calling a switcher directly, in every DNS test: the records to switch to; no servers
 * (a switcher does not use them).
 */
public record TestContext(List<DnsRecord> switchTo) implements DnsContext, PreflightContext {
    @Override
    public String site() {
        return "dns-test";
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
