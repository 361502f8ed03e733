package io.sitemove.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts BIND named in the foreground, primary for the test zone, and checks it answers with our SOA;
 * then, when asked, a secondary fed by zone transfer from it (see {@link DnsSecondaryLauncher}).
 */
final class DnsLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(DnsLauncher.class);
    static final String KEY_NAME = "sitemove-key.";
    static final String ALGORITHM = "hmac-sha256";

    /**
     * The servers started: the primary, and the secondary or null.
     *
     * @param primary the primary
     * @param secondary the secondary, or null when none was asked for
     */
    record Started(DnsServer primary, DnsServer secondary) {
    }

    private final Lifecycle lifecycle;
    private final Path workDir;

    DnsLauncher(Lifecycle lifecycle, Path workDir) {
        this.lifecycle = lifecycle;
        this.workDir = workDir;
    }

    /**
     * Starts the primary and, with {@code secondary}, a secondary that the primary notifies of
     * changes only when {@code notify} is true.
     */
    Started start(String siteRecords, boolean secondary, boolean notify) {
        Path named = Binaries.named();
        Path dig = Binaries.dig();
        Path dir = Dirs.create(workDir.resolve("dns"));
        Dirs.chmod(dir, "rwxrwxrwx");
        String secret = Secrets.base64Key(32);
        String token = Secrets.lowercaseToken(10);
        String host = DnsAddress.choose();
        Path zoneFile = dir.resolve("db.example.test");
        Dirs.write(zoneFile, DnsZone.masterFile(token, host, siteRecords));
        Dirs.chmod(zoneFile, "rw-rw-rw-");
        OptionalInt secondaryPort = secondary ? OptionalInt.of(Ports.free(List.of(host), true)) : OptionalInt.empty();
        OptionalInt notifyPort = notify ? secondaryPort : OptionalInt.empty();
        int port = Ports.withRetries("named",
                () -> Ports.free(List.of(host), true),
                candidate -> startOn(named, dig, dir, zoneFile, secret, token, host, candidate, notifyPort));
        LOG.info("named listens on {}:{} for zone {}", host, port, DnsZone.ZONE);
        DnsServer primary = new DnsServer(host, port, DnsZone.ZONE, KEY_NAME, ALGORITHM, secret, zoneFile);
        if (secondaryPort.isEmpty()) {
            return new Started(primary, null);
        }
        DnsServer started = new DnsSecondaryLauncher(lifecycle, workDir.resolve("dns-secondary"))
                .start(named, primary, secondaryPort.getAsInt(), DnsZone.hostmaster(token));
        return new Started(primary, started);
    }

    private int startOn(Path named, Path dig, Path dir, Path zoneFile, String secret, String token, String host,
            int port, OptionalInt notifyPort) {
        Path config = dir.resolve("named.conf");
        Dirs.writePrivate(config,
                NamedConfig.primary(dir, zoneFile, host, port, KEY_NAME, ALGORITHM, secret, notifyPort));
        List<String> command = List.of(named.toString(), "-g", "-4", "-n", "1", "-c", config.toString());
        ManagedProcess process = lifecycle.start("named", command, dir.resolve("named.log"));
        try {
            Waits.until(process, "answer with our SOA", Duration.ofSeconds(10),
                    () -> answersWithToken(process, dig, host, port, token));
        } catch (TestkitException e) {
            lifecycle.stop(process);
            throw e;
        }
        return port;
    }

    private static boolean answersWithToken(ManagedProcess process, Path dig, String host, int port,
            String token) {
        if (LogTail.contains(process.log(), "not loaded due to errors")) {
            throw process.failure("could not load the zone");
        }
        if (LogTail.mentionsPortInUse(process.log())) {
            throw process.failure("could not listen on port " + port);
        }
        Commands.Result answer = Commands.execute(List.of(dig.toString(), "+norec", "+short", "+time=1",
                "+tries=1", "@" + host, "-p", Integer.toString(port),
                DnsZone.ZONE, "SOA"), "", Duration.ofSeconds(5));
        return answer.ok() && answer.output().contains(DnsZone.hostmaster(token));
    }
}
