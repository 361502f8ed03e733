/** Implementation details of {@link io.sitemove.dns}; not an API. */
package io.sitemove.dns.internal;
