package io.sitemove.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Real servers on loopback for integration tests: an "old" and a "new" server (OpenSSH sshd,
 * MariaDB, nginx with PHP) on {@code 127.0.0.2} and {@code 127.0.0.3}, and an authoritative BIND
 * on {@code 127.0.0.10} (or {@code 127.0.0.1} when that address is not configured, see {@link DnsServer}). Each server has its own configuration, data and log under the work
 * directory and free ports chosen at start; {@link #close()} (or the JVM's shutdown) stops exactly
 * the processes it started.
 *
 * <pre>{@code
 * try (Testkit testkit = Testkit.builder(Path.of("target/testkit/demo")).ssh().mariaDb().dns().start()) {
 *     SshServer old = testkit.oldSsh();
 *     try (Connection c = testkit.oldDb().connect("")) { ... }
 * }
 * }</pre>
 *
 * <p>In JUnit 5 tests, {@link WithTestkit} does this for a test class.
 */
public final class Testkit implements AutoCloseable {

    private final Path workDir;
    private final Lifecycle lifecycle;
    private final StartedServers servers;

    Testkit(Path workDir, Lifecycle lifecycle, StartedServers servers) {
        this.workDir = workDir;
        this.lifecycle = lifecycle;
        this.servers = servers;
    }

    /**
     * Starts describing a testkit.
     *
     * @param workDir the directory for all configuration, data and logs, such as
     *     {@code target/testkit/<name>}; its subdirectories {@code old}, {@code new}, {@code dns},
     *     {@code dns-secondary}, {@code client} and {@code run} are wiped at start
     * @return a builder on which servers are opted in
     */
    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    /**
     * Returns the old server's sshd, on {@code 127.0.0.2}.
     *
     * @return the old sshd
     * @throws IllegalStateException if {@link Builder#ssh()} was not chosen
     */
    public SshServer oldSsh() {
        return require(servers.oldSsh, "ssh");
    }

    /**
     * Returns the new server's sshd, on {@code 127.0.0.3}.
     *
     * @return the new sshd
     * @throws IllegalStateException if {@link Builder#ssh()} was not chosen
     */
    public SshServer newSsh() {
        return require(servers.newSsh, "ssh");
    }

    /**
     * Stops one of the testkit's sshd as a crash of the server would: SIGKILL to the listening sshd and,
     * at the same moment, to every process below it (the per-connection sshd and the commands they run), so
     * each open SSH connection to it ends at once, without an SSH goodbye, and a partial write stays as
     * it was. (SIGTERM to the listener alone, as {@code systemctl stop ssh} does, would leave the open
     * sessions running.) Returns once they all exited; {@link #restartSsh(SshServer)} starts it again.
     *
     * @param server {@link #oldSsh()} or {@link #newSsh()}
     * @throws IllegalStateException if that sshd is not running (not started, or already stopped)
     */
    public void stopSsh(SshServer server) {
        launcher(server).stop(server);
    }

    /**
     * Starts an sshd stopped by {@link #stopSsh(SshServer)} again, with the configuration it had: the
     * same address, port and host key, so {@link #knownHosts()} still holds. Returns once it greets with
     * an SSH banner.
     *
     * @param server {@link #oldSsh()} or {@link #newSsh()}
     * @throws IllegalStateException if that sshd is running
     * @throws TestkitException if it does not start
     */
    public void restartSsh(SshServer server) {
        launcher(server).restart(server);
    }

    private SshLauncher launcher(SshServer server) {
        Objects.requireNonNull(server, "server cannot be null");
        SshLauncher launcher = require(servers.sshLauncher, "ssh");
        if (!server.equals(servers.oldSsh) && !server.equals(servers.newSsh)) {
            throw new IllegalArgumentException("not an sshd of this testkit: " + server.name() + " on "
                    + server.host() + ":" + server.port());
        }
        return launcher;
    }

    /**
     * Returns the client's private key: OpenSSH format, ed25519, no passphrase, mode 600.
     *
     * @return the private key file; both sshd accept it
     * @throws IllegalStateException if {@link Builder#ssh()} was not chosen
     */
    public Path clientKey() {
        return require(servers.clientKey, "ssh");
    }

    /**
     * Returns a known_hosts file with both host keys, lines {@code "[127.0.0.2]:PORT ssh-ed25519 AAAA..."}.
     *
     * @return the known_hosts file
     * @throws IllegalStateException if {@link Builder#ssh()} was not chosen
     */
    public Path knownHosts() {
        return require(servers.knownHosts, "ssh");
    }

    /**
     * Returns the old server's MariaDB, on {@code 127.0.0.2}, binary log on (ROW).
     *
     * @return the old MariaDB
     * @throws IllegalStateException if {@link Builder#mariaDb()} was not chosen
     */
    public MariaDb oldDb() {
        return require(servers.oldDb, "mariaDb");
    }

    /**
     * Returns the new server's MariaDB, on {@code 127.0.0.3}, binary log off.
     *
     * @return the new MariaDB
     * @throws IllegalStateException if {@link Builder#mariaDb()} was not chosen
     */
    public MariaDb newDb() {
        return require(servers.newDb, "mariaDb");
    }

    /**
     * Returns the authoritative DNS server, on {@code 127.0.0.10} or else {@code 127.0.0.1}.
     *
     * @return the DNS server
     * @throws IllegalStateException if {@link Builder#dns()} was not chosen
     */
    public DnsServer dns() {
        return require(servers.dns, "dns");
    }

    /**
     * Returns the secondary DNS server: a second BIND on the same address as {@link #dns()}, another
     * port, serving the same zone by zone transfer from it (signed with the same TSIG key, which it
     * also accepts on NOTIFY). It does not accept updates. At start it served the primary's serial.
     *
     * @return the secondary, its {@link DnsServer#zoneFile()} the copy it keeps (text format)
     * @throws IllegalStateException if {@link Builder#dnsSecondary()} was not chosen
     */
    public DnsServer dnsSecondary() {
        return require(servers.dnsSecondary, "dnsSecondary");
    }

    /**
     * Sends the secondary a NOTIFY for the zone, signed with the TSIG key, as the primary does after
     * each change when {@link Builder#dnsSecondary(boolean)} was given true. It returns once the
     * secondary acknowledged it; the secondary then asks the primary for its serial and transfers
     * the changes, a moment later.
     *
     * @throws IllegalStateException if {@link Builder#dnsSecondary()} was not chosen
     * @throws TestkitException if the secondary does not acknowledge the NOTIFY
     */
    public void notifySecondary() {
        DnsProbe.notify(dnsSecondary());
    }

    /**
     * Returns the old server's nginx with PHP, on {@code 127.0.0.2}.
     *
     * @return the old web server
     * @throws IllegalStateException if {@link Builder#web()} was not chosen
     */
    public WebServer oldWeb() {
        return require(servers.oldWeb, "web");
    }

    /**
     * Returns the new server's nginx with PHP, on {@code 127.0.0.3}, same port as the old.
     *
     * @return the new web server
     * @throws IllegalStateException if {@link Builder#web()} was not chosen
     */
    public WebServer newWeb() {
        return require(servers.newWeb, "web");
    }

    /**
     * Returns the work directory, absolute.
     *
     * @return the directory holding all configuration, data and logs
     */
    public Path workDir() {
        return workDir;
    }

    /** Stops every server this testkit started (SIGTERM, up to 10 s, then SIGKILL); idempotent. */
    @Override
    public void close() {
        lifecycle.close();
    }

    List<Long> pids() {
        return lifecycle.pids();
    }

    private static <T> T require(T server, String option) {
        if (server == null) {
            throw new IllegalStateException("not started: call " + option + "() on the Testkit builder");
        }
        return server;
    }

    /** Chooses which servers a {@link Testkit} starts; each is opted in. Not thread-safe. */
    public static final class Builder {

        private final Path workDir;
        private boolean ssh;
        private boolean mariaDb;
        private boolean dns;
        private boolean dnsSecondary;
        private boolean notifySecondary;
        private boolean web;
        private String siteRecords = DnsZone.DEFAULT_SITE_RECORDS;
        private final List<String> mariaDbOptions = new ArrayList<>();

        private Builder(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir cannot be null");
        }

        /**
         * Adds the two sshd (old and new), the client key and known_hosts.
         *
         * @return this builder
         */
        public Builder ssh() {
            ssh = true;
            return this;
        }

        /**
         * Adds the two MariaDB servers (old with binary log, new without).
         *
         * @return this builder
         */
        public Builder mariaDb() {
            mariaDb = true;
            return this;
        }

        /**
         * Adds the two MariaDB servers, both started with these {@code mariadbd} options after the
         * testkit's own (so they win), e.g. {@code "--innodb-buffer-pool-size=1G"} to size the
         * servers like a production host rather than a test fixture; implies {@link #mariaDb()}.
         *
         * @param serverOptions options of the form {@code --name} or {@code --name=value}
         * @return this builder
         * @throws IllegalArgumentException if an option does not start with {@code --} or holds a
         *     line break
         */
        public Builder mariaDb(String... serverOptions) {
            Objects.requireNonNull(serverOptions, "serverOptions cannot be null");
            for (String option : serverOptions) {
                Objects.requireNonNull(option, "a server option cannot be null");
                if (!option.startsWith("--") || option.length() < 3 || option.contains("\n")
                        || option.contains("\r")) {
                    throw new IllegalArgumentException("a mariadbd option looks like --name or --name=value, not '"
                            + option + "'");
                }
            }
            mariaDbOptions.addAll(List.of(serverOptions));
            return mariaDb();
        }

        /**
         * Adds the BIND server for {@code example.test.}.
         *
         * @return this builder
         */
        public Builder dns() {
            dns = true;
            return this;
        }

        /**
         * Adds the BIND server and a secondary that the primary notifies after each change, so the
         * secondary follows within a moment; implies {@link #dns()}. Same as {@code dnsSecondary(true)}.
         *
         * @return this builder
         */
        public Builder dnsSecondary() {
            return dnsSecondary(true);
        }

        /**
         * Adds the BIND server and a secondary for its zone, fed by zone transfer; implies {@link #dns()}.
         *
         * @param notify true for the primary to send the secondary a NOTIFY after each change; false
         *     for a secondary that lags: it keeps the serial it has (the SOA's refresh is an hour) until
         *     {@link Testkit#notifySecondary()} is called
         * @return this builder
         */
        public Builder dnsSecondary(boolean notify) {
            dns = true;
            dnsSecondary = true;
            notifySecondary = notify;
            return this;
        }

        /**
         * Adds nginx with php-fpm for both sides.
         *
         * @return this builder
         */
        public Builder web() {
            web = true;
            return this;
        }

        /**
         * Replaces the zone's site records (by default {@code site} and {@code www.site}, A
         * 127.0.0.2, TTL 300); SOA, NS and {@code ns1} stay.
         *
         * @param zoneFileLines master-file lines, names relative to {@code example.test.},
         *     such as {@code "shop 60 IN A 127.0.0.2"}
         * @return this builder
         */
        public Builder dnsRecords(String zoneFileLines) {
            Objects.requireNonNull(zoneFileLines, "zoneFileLines cannot be null");
            if (zoneFileLines.isBlank()) {
                throw new IllegalArgumentException("zoneFileLines cannot be blank");
            }
            siteRecords = zoneFileLines;
            return this;
        }

        /**
         * Starts the chosen servers, concurrently where possible.
         *
         * @return the running testkit; close it to stop them
         * @throws MissingBinaryException if a program is not installed
         * @throws TestkitException if a server fails to start; those already started are stopped
         */
        public Testkit start() {
            return Startup.start(workDir,
                    new Startup.Options(ssh, mariaDb, dns, dnsSecondary, notifySecondary, web, siteRecords,
                            mariaDbOptions));
        }
    }
}
