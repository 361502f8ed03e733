/**
 * SSH transport over sshj: verified host keys, quoted remote commands, streaming processes. Failures
 * are typed and carry their server: {@link io.sitemove.remote.ssh.HostKeyException} (with the offered
 * key), {@link io.sitemove.remote.ssh.SshAuthException} (with the user),
 * {@link io.sitemove.remote.ssh.SshConnectException} (transient, and whether a wait ran out).
 */
package io.sitemove.remote.ssh;
