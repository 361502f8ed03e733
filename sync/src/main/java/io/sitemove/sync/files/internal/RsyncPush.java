package io.sitemove.sync.files.internal;

import io.sitemove.Counts;
import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.spi.ProgressReporter;
import io.sitemove.remote.ssh.RemoteCommandException;
import io.sitemove.remote.ssh.RemoteProcess;
import io.sitemove.remote.ssh.SshConnection;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code rsync} on the sending server, pushing the given entries (and only those: the list is
 * streamed to its {@code --files-from}) to the receiving server over SSH with a {@link DirectKey}.
 *
 * <p>rsync writes each file under a temporary name beside its final one and renames it into place once
 * it is whole, so no half-written file ever stands under a final name. A cut-off transfer leaves the
 * files that arrived whole in place and drops the one on its way; the next run sends only the rest.
 * ({@code --delay-updates} would also keep the partly sent file, but costs a quarter of the time on a
 * tree of many small files; rrsync lets no {@code --partial-dir} through that rsync could save into.)
 * The ssh it runs prefers AES-GCM, several times faster than the default ChaCha20-Poly1305 where the
 * processor has AES instructions.
 */
public final class RsyncPush {

    /** AES-GCM first; then what OpenSSH has offered by default since 6.5, for senders without it. */
    private static final String CIPHERS = "aes128-gcm@openssh.com,aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,"
            + "aes128-ctr,aes192-ctr,aes256-ctr";

    private static final Logger LOG = LoggerFactory.getLogger(RsyncPush.class);
    private static final int VANISHED = 24;
    private static final int REPORT_FILES = 200;
    private static final long REPORT_BYTES = 8L * 1024 * 1024;

    private RsyncPush() {
    }

    /**
     * What the push did.
     *
     * @param files entries rsync reported as sent or updated
     * @param bytes the sizes of the files sent
     * @param wireBytes the bytes rsync actually sent for them (less where its delta algorithm found matches)
     * @param vanished entries that vanished from the sender before rsync read them
     */
    public record Result(long files, long bytes, long wireBytes, long vanished) {
    }

    /** The ssh options the sender's client runs with: no agent, no forwarding, only the given key, pinned host. */
    public static List<String> sshOptions(String keyFile, String knownHosts, int port) {
        return List.of("ssh", "-F", "/dev/null", "-i", keyFile, "-p", Integer.toString(port),
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "ForwardAgent=no",
                "-o", "ForwardX11=no", "-o", "ClearAllForwardings=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "HostKeyAlias=" + DirectKey.HOST_ALIAS, "-o", "CheckHostIP=no", "-o", "Compression=no",
                "-o", "ConnectTimeout=15", "-o", "ServerAliveInterval=15", "-o", "Ciphers=" + CIPHERS);
    }

    /**
     * What to push.
     *
     * @param entries the entries, in the sender's order
     * @param totalBytes the sizes of the files among them
     * @param chown the {@code user:group} every sent entry gets, or null to map owners by name
     * @param progress told the files and bytes sent
     */
    public record Push(List<FileEntry> entries, long totalBytes, String chown, ProgressReporter progress) {
    }

    /** Pushes the entries from the sending tree into the directory the key allows on {@code to}. */
    public static Result push(RemoteTree from, Server to, DirectKey key, Push push) {
        SshConnection sender = from.ssh();
        String where = sender.server() + " to " + to;
        try (RemoteProcess rsync = sender.start(argv(from.root(), to, key, push))) {
            Thread feeder = new Thread(() -> feed(rsync.stdin(), push.entries()), "sitemove-rsync-list");
            feeder.setDaemon(true);
            feeder.start();
            Result sent;
            try {
                sent = read(rsync, push);
                feeder.join();
            } catch (IOException e) {
                throw LostConnection.of(sender.server(), "running the direct transfer (rsync) from " + where,
                        LostConnection.DIRECT_RESUMES, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw LostConnection.interrupted(sender.server(), "running the direct transfer (rsync) from " + where,
                        e);
            }
            int exit;
            try {
                exit = rsync.waitFor();
            } catch (RuntimeException e) {
                throw LostConnection.retold(e, sender.server(), "running the direct transfer (rsync) from " + where,
                        LostConnection.DIRECT_RESUMES);
            }
            String stderr = rsync.stderrText().strip();
            if (rsync.exitSignal().isPresent()) {
                throw killed(sender.server(), where, rsync.exitSignal().get(), sent.files() + " of "
                        + push.entries().size(), stderr);
            }
            long vanished = 0;
            if (exit == VANISHED) {
                vanished = stderr.lines().filter(l -> l.contains("vanished")).count();
                LOG.warn("rsync on {} reported files that vanished while it ran: {}", sender.server(), stderr);
            } else if (exit != 0) {
                throw failure(where, to, exit, stderr);
            }
            push.progress().report(Counts.files(sent.files(), sent.bytes()), total(push));
            return new Result(sent.files(), sent.bytes(), sent.wireBytes(), vanished);
        }
    }

    private static List<String> argv(String fromRoot, Server to, DirectKey key, Push push) {
        List<String> argv = new ArrayList<>(List.of("rsync", "-a", "--files-from=-", "--from0",
                "--out-format=%i %l %b",
                "-e", String.join(" ", sshOptions(key.keyFile(), key.knownHosts(), to.port()))));
        if (push.entries().stream().anyMatch(FileEntry::isHardLinked)) {
            argv.add("-H");
        }
        if (push.chown() != null) {
            argv.add("--chown=" + push.chown());
        }
        String host = to.host().indexOf(':') >= 0 ? "[" + to.host() + "]" : to.host();
        argv.addAll(List.of("--", fromRoot + "/", to.user() + "@" + host + ":"));
        return argv;
    }

    /** Reads rsync's line for each entry sent, reporting progress; the result's vanished count is left 0. */
    private static Result read(RemoteProcess rsync, Push push) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(rsync.stdout(), StandardCharsets.ISO_8859_1));
        Counts total = total(push);
        long files = 0;
        long bytes = 0;
        long wire = 0;
        long reportedFiles = 0;
        long reportedBytes = 0;
        String line;
        while ((line = out.readLine()) != null) {
            String[] fields = line.split(" ");
            if (fields.length != 3 || fields[0].startsWith("*")) {
                continue;
            }
            files++;
            if (fields[0].startsWith("<f")) {
                bytes += parse(fields[1]);
                wire += parse(fields[2]);
            }
            if (files - reportedFiles >= REPORT_FILES || bytes - reportedBytes >= REPORT_BYTES) {
                reportedFiles = files;
                reportedBytes = bytes;
                push.progress().report(Counts.files(files, bytes), total);
            }
        }
        return new Result(files, bytes, wire, 0);
    }

    private static Counts total(Push push) {
        return Counts.files(push.entries().size(), push.totalBytes());
    }

    private static long parse(String number) {
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static MigrationException killed(Server from, String where, String signal, String entriesDone,
            String stderr) {
        return MigrationException.retryable("the direct transfer (rsync) from " + where + " was ended by signal "
                + signal + " on " + from.name() + " after " + entriesDone + " entries"
                + (stderr.isEmpty() ? "" : "; stderr: " + stderr) + "; the files that arrived whole are in place and"
                + " the next sync sends the rest: run it again", null);
    }

    /** The exception for an rsync that ended with a non-zero code, transient where trying again may help. */
    static MigrationException failure(String where, Server to, int exit, String stderr) {
        String text = stderr.toLowerCase(Locale.ROOT);
        String prefix = "the direct transfer (rsync) from " + where + " failed with code " + exit + "; stderr: "
                + String.join(" / ", stderr.strip().lines().toList()) + "; ";
        if (text.contains("another instance of rrsync")) {
            return MigrationException.retryable(prefix + "an earlier transfer into the same directory is still"
                    + " ending on " + to.name() + " (rrsync's lock); try again in a moment", null);
        }
        if (text.contains("host key verification failed") || text.contains("remote host identification has changed")) {
            return new RemoteCommandException(prefix + to.name() + " offered the sender a host key different from the"
                    + " one this panel verified: do not proceed until that is explained (or use Strategy.RELAY)", exit);
        }
        if (text.contains("permission denied (publickey") || text.contains("rrsync error")) {
            return new DirectRefusedException(prefix + to.name() + " refused the temporary key or its rrsync"
                    + " restriction: check that its sshd reads the authorized_keys file given to the syncer and allows"
                    + " forced commands, or use Strategy.RELAY");
        }
        boolean network = exit == 255 || exit == 10 || exit == 12 || exit == 30 || exit == 35;
        boolean unreachable = text.contains("connection refused") || text.contains("timed out")
                || text.contains("no route to host") || text.contains("connection reset")
                || text.contains("broken pipe") || text.contains("connection closed");
        if ((network || unreachable) && !text.contains("no space left")) {
            return MigrationException.retryable(prefix + "the connection between the servers was lost; "
                    + LostConnection.DIRECT_RESUMES + " (or use Strategy.RELAY if the old server cannot reach the new"
                    + " one)", null);
        }
        return new RemoteCommandException(prefix + FailureHints.hint(stderr, to.name()), exit);
    }

    private static void feed(OutputStream stdin, List<FileEntry> entries) {
        try (OutputStream out = new BufferedOutputStream(stdin, 64 * 1024)) {
            for (FileEntry entry : entries) {
                out.write(entry.path().getBytes(StandardCharsets.ISO_8859_1));
                out.write(0);
            }
        } catch (IOException e) {
            LOG.debug("rsync stopped reading its file list: {}", e.toString());
        }
    }
}
