package io.sitemove.sync.files.internal;

import io.sitemove.MigrationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a sync needs to know about the receiving side besides its tree, read in one remote command (run
 * beside the listing): the SSH user's id, where {@code rrsync} is (for a direct transfer), the user and
 * group names of its local account files (known there without asking) and the staging directories earlier
 * syncs left in the root.
 *
 * @param uid the receiving SSH user's numeric id
 * @param rrsync the absolute path of rrsync, or why there is none (see {@link DirectRoute#judge})
 * @param users the user names in {@code /etc/passwd}
 * @param groups the group names in {@code /etc/group}
 * @param staging the staging directories found
 */
public record ReceiverFacts(String uid, String rrsync, Set<String> users, Set<String> groups, Staging staging) {
    private static final String NAMES = "{ cut -d: -f1 -- \"$f\" 2>/dev/null | tr '\\n' :; echo; };";
    private static final String READ = "id -u || exit 1; r=$( " + DirectRoute.FIND_RRSYNC + "); printf '%s\\n' \"$r\";"
            + " f=/etc/passwd; " + NAMES + " f=/etc/group; " + NAMES + " " + Staging.FIND;

    /** Reads the facts; a missing root holds no staging directory. */
    public static ReceiverFacts read(RemoteTree receiver) {
        byte[] out = receiver.ssh().exec(List.of("sh", "-c", READ, "sh", receiver.root()))
                .requireSuccess("read the user id and look for staging directories in " + receiver.where())
                .stdout();
        int[] ends = new int[4];
        int from = 0;
        for (int i = 0; i < ends.length; i++) {
            ends[i] = lineEnd(out, from);
            from = ends[i] + 1;
        }
        String uid = line(out, 0, ends[0]).strip();
        if (ends[3] >= out.length || !uid.chars().allMatch(Character::isDigit) || uid.isEmpty()) {
            throw MigrationException.permanent("reading the user id on " + receiver.ssh().server() + " gave an unexpected"
                    + " answer; check that id(1) works there");
        }
        String rrsync = line(out, ends[0] + 1, ends[1]).strip();
        return new ReceiverFacts(uid, rrsync, names(line(out, ends[1] + 1, ends[2])),
                names(line(out, ends[2] + 1, ends[3])),
                Staging.parse(receiver, Arrays.copyOfRange(out, ends[3] + 1, out.length)));
    }

    private static String line(byte[] out, int from, int end) {
        return new String(out, from, end - from, StandardCharsets.ISO_8859_1);
    }

    private static Set<String> names(String joined) {
        Set<String> names = new HashSet<>();
        for (String name : joined.split(":")) {
            if (!name.isEmpty() && name.charAt(0) != '#' && name.charAt(0) != '+' && name.charAt(0) != '-') {
                names.add(name);
            }
        }
        return Set.copyOf(names);
    }

    private static int lineEnd(byte[] out, int from) {
        int end = from;
        while (end < out.length && out[end] != '\n') {
            end++;
        }
        return end;
    }

    /** Whether the receiving SSH user is root, so owners can be set. */
    public boolean root() {
        return uid.equals("0");
    }
}
