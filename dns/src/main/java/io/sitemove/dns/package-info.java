/**
 * DNS switching for sitemove. {@link io.sitemove.dns.Rfc2136Switcher} changes records on a primary
 * name server with RFC 2136 dynamic updates signed with TSIG, each change one atomic
 * compare-and-swap; {@link io.sitemove.dns.cloudflare.CloudflareSwitcher} does the same through
 * Cloudflare's v4 API, record by record, reverting what it applied when a change fails half-way.
 * Both check that every authoritative server answers the new records. A change refused because the
 * records are no longer what it expected is an {@link io.sitemove.DnsConflictException} carrying both;
 * one that failed half-way at Cloudflare a {@link io.sitemove.dns.DnsPartialChangeException} saying
 * what was applied and reverted. A panel's own DNS is one {@link io.sitemove.spi.DnsSwitcher} away.
 */
package io.sitemove.dns;
