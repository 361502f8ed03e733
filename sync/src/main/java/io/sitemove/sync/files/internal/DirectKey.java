package io.sitemove.sync.files.internal;

import io.sitemove.remote.Parallel;

import io.sitemove.MigrationException;
import io.sitemove.remote.ssh.ExecResult;
import io.sitemove.remote.ssh.SshConnection;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway SSH key that lets the sending server push to the receiving one for a single run. The key
 * pair is made on the sender, in a private temporary directory, with the receiver's host key pinned in a
 * known_hosts file beside it; the private half never leaves the sender. Its public half is added to the
 * receiving user's authorized_keys as {@code command="rrsync -wo -no-del DIR",restrict ... MARKER}: only
 * rsync writes into the one directory, nothing else, not even deletions. {@link #close()} removes the
 * line and the directory. The marker ({@code sitemove-<site>-<random>}) names the run, so
 * {@link #removeLeftovers} finds what an earlier, killed run left.
 */
public final class DirectKey implements AutoCloseable {
    /** The host name under which the receiver's key is pinned; the ssh client is told to look it up so. */
    public static final String HOST_ALIAS = "sitemove-receiver";

    private static final Logger LOG = LoggerFactory.getLogger(DirectKey.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TEMP_DIR = Pattern.compile("/tmp/sitemove-[A-Za-z0-9_.]+-[0-9a-f]{16}\\.[A-Za-z0-9]+");
    private static final String PREFIX_AWK = "index($NF, p) == 1";
    private static final String EXACT_AWK = "$NF == p";

    private static final int CLOSED = 3;
    private static final int NO_PROBE = 4;
    private static final int UNREACHABLE = 5;
    private static final String CHECK = DirectRoute.SENDER_TOOLS + "; { " + DirectRoute.REACH + "; } >/dev/null 2>&1;"
            + " r=$?; if [ $r = " + NO_PROBE + " ]; then exit " + NO_PROBE + "; elif [ $r != 0 ]; then exit " + UNREACHABLE
            + "; fi; set -- \"$3\" \"$4\"; ";
    private static final String MAKE = "umask 077; d=$(mktemp -d \"/tmp/$1.XXXXXXXX\") || exit 1;"
            + " ssh-keygen -q -t ed25519 -N '' -C \"$1\" -f \"$d/key\" </dev/null >/dev/null || { rm -rf -- \"$d\"; exit 1; };"
            + " printf '%s\\n' \"$2\" > \"$d/known_hosts\" || { rm -rf -- \"$d\"; exit 1; };"
            + " printf '%s\\n' \"$d\"; cat -- \"$d/key.pub\"";
    private static final String KEYS_FILE = "f=$1; [ -n \"$f\" ] || f=$HOME/.ssh/authorized_keys; d=$(dirname -- \"$f\");";
    private static final String LOCK = " exec 9<\"$d\"; if command -v flock >/dev/null 2>&1; then flock 9; fi;";
    private static final String ADD = KEYS_FILE + " [ -d \"$d\" ] || mkdir -p -m 700 -- \"$d\" || exit 1;" + LOCK
            + " if [ -s \"$f\" ] && [ -n \"$(tail -c 1 -- \"$f\")\" ]; then printf '\\n' >> \"$f\" || exit 1; fi;"
            + " printf '%s\\n' \"$2\" >> \"$f\"";
    private static final String REMOVE = KEYS_FILE + " [ -f \"$f\" ] || exit 0;" + LOCK
            + " grep -q -F -e \"$2\" -- \"$f\" || exit 0;"
            + " t=$(mktemp -- \"$f.sitemove.XXXXXX\") || exit 1;"
            + " awk -v p=\"$2\" \"!($3)\" \"$f\" > \"$t\" || { rm -f -- \"$t\"; exit 1; };"
            + " if [ -L \"$f\" ]; then cat -- \"$t\" > \"$f\"; r=$?; rm -f -- \"$t\"; exit $r; fi;"
            + " chmod --reference=\"$f\" -- \"$t\" 2>/dev/null; mv -f -- \"$t\" \"$f\"";
    private static final String REMOVE_DIRS = "for d in /tmp/\"$1\"*; do case $d in /tmp/\"$1\"*) [ -d \"$d\" ]"
            + " && rm -rf -- \"$d\";; esac; done; exit 0";

    private final SshConnection sender;
    private final SshConnection receiver;
    private final String marker;
    private final String authorizedKeys;
    private final String dir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DirectKey(SshConnection sender, SshConnection receiver, String marker, String authorizedKeys, String dir) {
        this.sender = sender;
        this.receiver = receiver;
        this.marker = marker;
        this.authorizedKeys = authorizedKeys;
        this.dir = dir;
    }

    /** The prefix of every marker of this site's runs: {@code sitemove-<site>-}. */
    public static String markerPrefix(String site) {
        StringBuilder safe = new StringBuilder();
        for (char c : site.toCharArray()) {
            safe.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_') ? c : '_');
        }
        return "sitemove-" + safe + "-";
    }

    /**
     * Makes the key on the sender and authorises it on the receiver, for rrsync into {@code receiverRoot}.
     * The command that makes the key first checks the sender's tools and that it reaches the receiver's SSH
     * port; if not, nothing is made and {@link DirectClosedException} says why.
     *
     * @param authorizedKeys the receiver's authorized_keys file, or null for the SSH user's
     *     {@code ~/.ssh/authorized_keys}
     */
    public static DirectKey install(SshConnection sender, SshConnection receiver, String site, String authorizedKeys,
            String rrsync, String receiverRoot) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String marker = markerPrefix(site) + HexFormat.of().formatHex(random);
        String pinned = HOST_ALIAS + " " + receiver.hostKeyLine();
        String host = receiver.server().host();
        ExecResult made = sender.exec(List.of("sh", "-c", CHECK + MAKE, "sh", host,
                Integer.toString(receiver.server().port()), marker, pinned));
        if (made.exitCode() == CLOSED) {
            throw new DirectClosedException("on " + sender.server().name() + ": " + made.stdoutText().strip());
        }
        if (made.exitCode() == NO_PROBE || made.exitCode() == UNREACHABLE) {
            throw new DirectClosedException(sender.server().name() + " cannot reach " + host + ":"
                    + receiver.server().port() + (made.exitCode() == NO_PROBE ? " (neither nc nor bash to probe with)"
                    : ""));
        }
        made.requireSuccess("make a temporary key on " + sender.server().name() + " for the direct transfer");
        String[] lines = made.stdoutText().strip().split("\n");
        if (lines.length != 2 || !TEMP_DIR.matcher(lines[0]).matches() || !lines[1].startsWith("ssh-ed25519 ")
                || !lines[1].endsWith(" " + marker) || lines[1].indexOf('"') >= 0) {
            throw MigrationException.permanent("making a temporary key on " + sender.server() + " gave an unexpected answer;"
                    + " check that /tmp is writable there and ssh-keygen is OpenSSH's, or use Strategy.RELAY");
        }
        DirectKey key = new DirectKey(sender, receiver, marker, authorizedKeys, lines[0]);
        String line = "command=\"" + rrsync + " -wo -no-del " + receiverRoot + "\",restrict " + lines[1];
        try {
            receiver.exec(List.of("sh", "-c", ADD, "sh", nullToEmpty(authorizedKeys), line))
                    .requireSuccess("authorise the temporary key in " + key.keysFile() + " on "
                            + receiver.server().name() + " (check that the SSH user may write it)");
        } catch (RuntimeException e) {
            key.close(e);
            throw e;
        }
        LOG.debug("authorised temporary key {} on {}", marker, receiver.server());
        return key;
    }

    private String keysFile() {
        return authorizedKeys == null ? "~/.ssh/authorized_keys" : authorizedKeys;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The private key file on the sender. */
    public String keyFile() {
        return dir + "/key";
    }

    /** The known_hosts file on the sender pinning the receiver's key under {@link #HOST_ALIAS}. */
    public String knownHosts() {
        return dir + "/known_hosts";
    }

    /** The run's marker, the key's comment. */
    public String marker() {
        return marker;
    }

    /**
     * Removes the key line from the receiver's authorized_keys and the temporary directory from the
     * sender; once only: later calls do nothing.
     */
    @Override
    public void close() {
        close(null);
    }

    private void close(RuntimeException primary) {
        if (closed.getAndSet(true)) {
            return;
        }
        MigrationException failure = null;
        Parallel<ExecResult> removing = Parallel.start("sitemove-remove-key-dir",
                () -> sender.exec(List.of("rm", "-rf", "--", dir)));
        ExecResult unlisted = receiver.exec(List.of("sh", "-c", REMOVE, "sh", nullToEmpty(authorizedKeys), marker,
                EXACT_AWK));
        if (!unlisted.succeeded()) {
            failure = MigrationException.permanent("could not remove the temporary key " + marker + " from " + keysFile()
                    + " on " + receiver.server() + ": " + unlisted.stderr().strip() + "; remove the line ending in '"
                    + marker + "' by hand, or run the syncer's cleanup");
        }
        ExecResult removed = removing.join();
        if (!removed.succeeded() && failure == null) {
            failure = MigrationException.permanent("could not remove the temporary directory " + dir + " on "
                    + sender.server() + ": " + removed.stderr().strip() + "; remove it by hand, or run the syncer's"
                    + " cleanup");
        }
        if (failure != null) {
            if (primary != null) {
                primary.addSuppressed(failure);
            } else {
                throw failure;
            }
        }
    }

    /**
     * Removes every key line and temporary directory that runs for this site left on one server, in
     * whichever role it served.
     */
    public static void removeLeftovers(SshConnection server, String site, String authorizedKeys) {
        String prefix = markerPrefix(site);
        server.exec(List.of("sh", "-c", REMOVE, "sh", nullToEmpty(authorizedKeys), prefix, PREFIX_AWK))
                .requireSuccess("remove sitemove's temporary keys for " + prefix
                        + "* from the authorized_keys of " + server.server().name());
        server.exec(List.of("sh", "-c", REMOVE_DIRS, "sh", prefix))
                .requireSuccess("remove sitemove's temporary key directories /tmp/" + prefix + "* on "
                        + server.server().name());
    }
}
