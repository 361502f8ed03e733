/** The SSH transport's parts: host-key checks, cipher order, stream plumbing; not part of the API. */
package io.sitemove.remote.ssh.internal;
