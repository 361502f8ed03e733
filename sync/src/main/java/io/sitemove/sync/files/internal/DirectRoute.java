package io.sitemove.sync.files.internal;

import io.sitemove.Server;
import java.util.regex.Pattern;

/**
 * Whether the sending server can push to the receiving one directly: the tools on both sides, a
 * receiving root that can stand in an authorized_keys command, and the receiver's SSH port reachable
 * from the sender (probed from the sender with {@code nc -z}, or bash's {@code /dev/tcp}, in the same
 * command that makes the key there).
 *
 * @param rrsync the absolute path of {@code rrsync} on the receiver, when the route is open
 * @param problem why the route is closed, or null when it is open
 */
public record DirectRoute(String rrsync, String problem) {
    /** Characters a receiving root may hold to be named in an authorized_keys command unquoted. */
    public static final Pattern SAFE_ROOT = Pattern.compile("/[A-Za-z0-9._/@%+=:,~-]*");

    static final String SENDER_TOOLS = "for t in rsync ssh ssh-keygen; do command -v \"$t\" >/dev/null 2>&1"
            + " || { echo \"$t is not installed\"; exit 3; }; done";
    static final String REACH = " if command -v nc >/dev/null 2>&1; then nc -z -w 5 \"$1\" \"$2\";"
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
     * A shell fragment printing, on one line, the absolute path of {@code rrsync} on the server it runs
     * on, or why there is none.
     */
    static final String FIND_RRSYNC = "( " + RECEIVER_TOOLS + " ) 2>/dev/null | head -n 1";

    /**
     * Decides from what the receiver said about rrsync; the sender's side is checked when the key is made
     * there ({@link DirectKey#install}).
     *
     * @param rrsync the receiver's answer to {@link #FIND_RRSYNC}
     */
    public static DirectRoute judge(Server receiver, String receiverRoot, String rrsync) {
        if (!SAFE_ROOT.matcher(receiverRoot).matches()) {
            return closed("the receiving root " + receiverRoot + " holds characters an authorized_keys command"
                    + " cannot carry unquoted");
        }
        String path = rrsync.strip();
        if (!path.startsWith("/")) {
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
