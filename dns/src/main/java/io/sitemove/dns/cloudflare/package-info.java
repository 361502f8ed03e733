/**
 * DNS switching at Cloudflare: {@link io.sitemove.dns.cloudflare.CloudflareSwitcher} changes the
 * records of a Cloudflare zone through its v4 API, each change a compare-and-swap on what was read,
 * reverted call by call when it fails midway.
 */
package io.sitemove.dns.cloudflare;
