/**
 * DNS switching for sitemove: {@link io.sitemove.dns.Rfc2136Switcher} changes records on a primary
 * name server with RFC 2136 dynamic updates signed with TSIG, each change a compare-and-swap, and
 * checks that every authoritative server answers the new records.
 */
package io.sitemove.dns;
