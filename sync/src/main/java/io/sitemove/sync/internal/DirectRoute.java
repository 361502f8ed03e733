package io.sitemove.sync.internal;

import io.sitemove.Server;
import io.sitemove.sync.ssh.ExecResult;
import io.sitemove.sync.ssh.SshConnection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether the sending server can push to the receiving one directly: the tools on both sides, a
 * receiving root that can stand in an authorized_keys command, and the receiver's SSH port reachable
 * from the sender (probed from the sender with {@code nc -z}, or bash's {@code /dev/tcp}).
 *
 * @param rrsync the absolute path of {@code rrsync} on the receiver, when the route is open
 * @param problem why the route is closed, or null when it is open
 */
public record DirectRoute(String rrsync, String problem) {
    /** Characters a receiving root may hold to be named in an authorized_keys command unquoted. */
    public static final Pattern SAFE_ROOT = Pattern.compile("/[A-Za-z0-9._/@%+=:,~-]*");

    private static final String SENDER_TOOLS = "for t in rsync ssh ssh-keygen; do command -v \"$t\" >/dev/null 2>&1"
            + " || { echo \"$t is not installed\"; exit 3; }; done";
    private static final String REACH = " if command -v nc >/dev/null 2>&1; then nc -z -w 5 \"$1\" \"$2\";"
            + " elif command -v bash >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then"
            + " timeout 5 bash -c 'exec 3<>\"/dev/tcp/$0/$1\"' \"$1\" \"$2\"; else exit 4; fi";
    private static final String RECEIVER_TOOLS = "command -v rsync >/dev/null 2>&1 || { echo 'rsync is not installed';"
            + " exit 3; }; command -v rrsync || { for p in /usr/bin/rrsync /usr/share/doc/rsync/scripts/rrsync; do"
            + " [ -x \"$p\" ] && { echo \"$p\"; exit 0; }; done; echo 'rrsync is not installed'; exit 3; }";

    /** Whether the route is open. */
    public boolean open() {
        return problem == null;
    }

    /**
     * Starts probing the sender: its tools, and whether it reaches the receiver's SSH port. Changes nothing,
     * so it may run before it is known whether anything will be sent.
     */
    public static Parallel<ExecResult> probeSender(SshConnection sender, Server receiver) {
        String host = receiver.host();
        String port = Integer.toString(receiver.port());
        return Parallel.start("sitemove-probe-sender",
                () -> sender.exec(List.of("sh", "-c", SENDER_TOOLS + ";" + REACH, "sh", host, port)));
    }

    /**
     * A shell fragment printing, on one line, the absolute path of {@code rrsync} on the server it runs
     * on, or why there is none.
     */
    static final String FIND_RRSYNC = "( " + RECEIVER_TOOLS + " ) 2>/dev/null | head -n 1";

    /**
     * Decides from the probes' answers.
     *
     * @param reach the sender's probe, from {@link #probeSender}
     * @param rrsync the receiver's answer to {@link #FIND_RRSYNC}
     */
    public static DirectRoute judge(Server sender, Server receiver, String receiverRoot, ExecResult reach,
            String rrsync) {
        if (!SAFE_ROOT.matcher(receiverRoot).matches()) {
            return closed("the receiving root " + receiverRoot + " holds characters an authorized_keys command"
                    + " cannot carry unquoted");
        }
        if (reach.exitCode() == 3) {
            return closed("on " + sender.name() + ": " + reach.stdoutText().strip());
        }
        if (!reach.succeeded()) {
            return closed(sender.name() + " cannot reach " + receiver.host() + ":" + receiver.port()
                    + (reach.exitCode() == 4 ? " (neither nc nor bash to probe with)" : ""));
        }
        String path = rrsync.strip();
        if (!path.startsWith("/") || path.indexOf(' ') >= 0) {
            return closed("on " + receiver.name() + ": " + (path.isEmpty() ? "rrsync was not found" : path));
        }
        if (!SAFE_ROOT.matcher(path).matches()) {
            return closed("rrsync on " + receiver.name() + " lies at an unusual path");
        }
        return new DirectRoute(path, null);
    }

    private static DirectRoute closed(String problem) {
        return new DirectRoute(null, problem);
    }
}
