package io.sitemove.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts one OpenSSH sshd in the foreground with its own host key and configuration. */
final class SshLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(SshLauncher.class);

    private final Lifecycle lifecycle;
    private final Path workDir;
    private final Map<String, ManagedProcess> running = new ConcurrentHashMap<>();

    SshLauncher(Lifecycle lifecycle, Path workDir) {
        this.lifecycle = lifecycle;
        this.workDir = workDir;
    }

    SshServer start(Side side, ClientKey clientKey) {
        Path sshd = Binaries.sshd();
        Path dir = Dirs.create(side.dir(workDir).resolve("sshd"));
        Path root = Dirs.create(side.siteRoot(workDir));
        Path hostKey = dir.resolve("ssh_host_ed25519_key");
        Commands.run(List.of(Binaries.sshKeygen().toString(), "-q", "-t", "ed25519", "-N", "",
                "-C", "sitemove-testkit-" + side.label(), "-f", hostKey.toString()));
        Path hostPublicKey = dir.resolve("ssh_host_ed25519_key.pub");
        String hostKeyLine = keyLine(Dirs.read(hostPublicKey));
        Path userKeys = dir.resolve("user_authorized_keys");
        Dirs.writePrivate(userKeys, "");
        if (RunningAs.root()) {
            Dirs.create(Path.of("/run/sshd"));
            Dirs.chmod(Path.of("/run/sshd"), "rwxr-xr-x");
        }
        int port = Ports.withRetries("sshd " + side.label(),
                () -> Ports.free(List.of(side.host()), false),
                candidate -> startOn(sshd, side, dir, hostKey, clientKey, userKeys, candidate));
        return new SshServer(side.label(), side.host(), port, RunningAs.user(), root, hostKeyLine, hostPublicKey,
                userKeys);
    }

    private int startOn(Path sshd, Side side, Path dir, Path hostKey, ClientKey clientKey, Path userKeys, int port) {
        Path config = dir.resolve("sshd_config");
        Dirs.write(config, config(side, port, dir, hostKey, clientKey, userKeys));
        launch(sshd, side, dir, port);
        return port;
    }

    /** Kills the sshd serving {@code server} and its sessions (see {@link ManagedProcess#kill()}). */
    synchronized void stop(SshServer server) {
        ManagedProcess process = running.remove(server.name());
        if (process == null) {
            throw new IllegalStateException("sshd " + server.name() + " is not running");
        }
        lifecycle.kill(process);
        LOG.info("sshd {} on {}:{} killed (pid {})", server.name(), server.host(), server.port(), process.pid());
    }

    /** Starts the sshd of {@code server} again from its configuration: same address, port and host key. */
    synchronized void restart(SshServer server) {
        if (running.containsKey(server.name())) {
            throw new IllegalStateException("sshd " + server.name() + " is running");
        }
        Side side = server.name().equals(Side.OLD.label()) ? Side.OLD : Side.NEW;
        launch(Binaries.sshd(), side, side.dir(workDir).resolve("sshd"), server.port());
    }

    private void launch(Path sshd, Side side, Path dir, int port) {
        Path config = dir.resolve("sshd_config");
        ManagedProcess process = lifecycle.start("sshd " + side.label(),
                List.of(sshd.toString(), "-D", "-e", "-f", config.toString()), dir.resolve("sshd.log"));
        try {
            Waits.until(process, "greet with an SSH banner", Waits.START_TIMEOUT,
                    () -> Ports.greetsWithSsh(side.host(), port));
        } catch (TestkitException e) {
            lifecycle.stop(process);
            throw e;
        }
        running.put(side.label(), process);
        LOG.info("sshd {} listens on {}:{} (pid {})", side.label(), side.host(), port, process.pid());
    }

    private static String config(Side side, int port, Path dir, Path hostKey, ClientKey clientKey, Path userKeys) {
        return String.join("\n",
                "ListenAddress " + side.host() + ":" + port,
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + clientKey.authorizedKeys() + " " + userKeys,
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "PermitRootLogin prohibit-password",
                "Subsystem sftp internal-sftp",
                "SetEnv HOME=" + Dirs.create(dir.resolve("home")),
                "AcceptEnv none",
                "UseDNS no",
                "PrintMotd no",
                "MaxStartups 100:30:200",
                "MaxSessions 50",
                "LogLevel VERBOSE",
                "");
    }

    static String keyLine(String publicKeyFile) {
        String[] fields = publicKeyFile.strip().split("\\s+");
        if (fields.length < 2) {
            throw new TestkitException("not an OpenSSH public key: " + publicKeyFile.strip());
        }
        return fields[0] + " " + fields[1];
    }
}
