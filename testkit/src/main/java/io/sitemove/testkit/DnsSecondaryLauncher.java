package io.sitemove.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a second BIND named, secondary for the test zone: it transfers the zone from the primary
 * with the TSIG key, and is ready once it answers authoritatively with the primary's serial.
 */
final class DnsSecondaryLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(DnsSecondaryLauncher.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final Lifecycle lifecycle;
    private final Path dir;

    DnsSecondaryLauncher(Lifecycle lifecycle, Path dir) {
        this.lifecycle = lifecycle;
        this.dir = dir;
    }

    DnsServer start(Path named, DnsServer primary, int port, String hostmaster) {
        Dirs.create(dir);
        Dirs.chmod(dir, "rwxrwxrwx");
        Path zoneFile = dir.resolve("db.example.test");
        Path config = dir.resolve("named.conf");
        Dirs.writePrivate(config, NamedConfig.secondary(dir, zoneFile, primary.host(), port, primary.port(),
                primary.tsigKeyName(), primary.tsigAlgorithm(), primary.tsigSecret()));
        List<String> command = List.of(named.toString(), "-g", "-4", "-n", "1", "-c", config.toString());
        ManagedProcess process = lifecycle.start("named (secondary)", command, dir.resolve("named.log"));
        try {
            Waits.until(process, "serve the zone transferred from the primary with its serial", READY_TIMEOUT,
                    () -> inSync(process, primary, port, hostmaster));
        } catch (TestkitException e) {
            lifecycle.stop(process);
            throw e;
        }
        LOG.info("secondary named listens on {}:{} for zone {}, fed by {}:{}", primary.host(), port, DnsZone.ZONE,
                primary.host(), primary.port());
        return new DnsServer(primary.host(), port, primary.zone(), primary.tsigKeyName(), primary.tsigAlgorithm(),
                primary.tsigSecret(), zoneFile);
    }

    private static boolean inSync(ManagedProcess process, DnsServer primary, int port, String hostmaster) {
        if (LogTail.mentionsPortInUse(process.log())) {
            throw process.failure("could not listen on port " + port);
        }
        DnsProbe.Soa expected = DnsProbe.soa(primary.host(), primary.port());
        DnsProbe.Soa served = DnsProbe.soa(primary.host(), port);
        return expected != null && served != null && served.authoritative()
                && served.hostmaster().equals(hostmaster) && served.serial() == expected.serial();
    }
}
