/** Implementation details of {@link io.sitemove.dns.cloudflare}; not an API. */
package io.sitemove.dns.cloudflare.internal;
