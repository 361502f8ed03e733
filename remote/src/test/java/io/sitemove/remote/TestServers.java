package io.sitemove.remote;

import io.sitemove.remote.db.DbEndpoint;

import io.sitemove.Secret;
import io.sitemove.Server;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.SshServer;
import io.sitemove.testkit.Testkit;
import java.nio.file.Path;

/** Builds sitemove servers from the testkit's sshd, and database endpoints from its MariaDB. */
public final class TestServers {
    private TestServers() {
    }

    public static Server of(Testkit kit, SshServer ssh) {
        return Server.builder(ssh.name()).host(ssh.host()).port(ssh.port()).user(ssh.user())
                .identity(kit.clientKey()).knownHosts(kit.knownHosts()).build();
    }

    public static Server oldServer(Testkit kit) {
        return of(kit, kit.oldSsh());
    }

    public static Server newServer(Testkit kit) {
        return of(kit, kit.newSsh());
    }

    /** A server a database-only test names in its contexts; no SSH connection is ever made to it. */
    public static Server unused(String name, String host) {
        return Server.builder(name).host(host).user("nobody").knownHosts(Path.of("/nonexistent")).build();
    }

    /** The endpoint of one database on a testkit MariaDB, as the sitemove account. */
    public static DbEndpoint endpoint(MariaDb db, String database) {
        return new DbEndpoint(db.host(), db.port(), database, db.user(), Secret.of(db.password()));
    }
}
