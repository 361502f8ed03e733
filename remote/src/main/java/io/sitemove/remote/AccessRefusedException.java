package io.sitemove.remote;

import io.sitemove.MigrationException;

/**
 * A server would not let sitemove in: its host key is not the one known, or it refused the login.
 * Permanent, and never turned into a failed preflight check: the run stops with this type, so a
 * panel can ask a person to confirm the key or fix the credentials.
 *
 * @see io.sitemove.remote.ssh.HostKeyException
 * @see io.sitemove.remote.ssh.SshAuthException
 * @see io.sitemove.remote.db.DatabaseAuthException
 */
public abstract class AccessRefusedException extends MigrationException {
    private static final long serialVersionUID = 1L;

    /** For the access failures: a reason and its cause; never transient. */
    protected AccessRefusedException(String reason, Throwable cause) {
        super(reason, cause, false);
    }
}
