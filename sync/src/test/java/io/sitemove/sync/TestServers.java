package io.sitemove.sync;

import io.sitemove.Server;
import io.sitemove.testkit.SshServer;
import io.sitemove.testkit.Testkit;

/** Builds sitemove servers from the testkit's sshd. */
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
}
