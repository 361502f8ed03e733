/** SSH transport over sshj: verified host keys, quoted remote commands, streaming processes. */
package io.sitemove.remote.ssh;
