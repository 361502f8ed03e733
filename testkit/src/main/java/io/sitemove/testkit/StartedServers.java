package io.sitemove.testkit;

import java.nio.file.Path;

/** What the start-up tasks produced; each field is written by one task before start-up completes. */
final class StartedServers {
    volatile SshServer oldSsh;
    volatile SshServer newSsh;
    volatile SshLauncher sshLauncher;
    volatile Path clientKey;
    volatile Path knownHosts;
    volatile MariaDb oldDb;
    volatile MariaDb newDb;
    volatile DnsServer dns;
    volatile DnsServer dnsSecondary;
    volatile WebServer oldWeb;
    volatile WebServer newWeb;
}
