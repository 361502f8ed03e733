package io.sitemove.sync.internal;

import io.sitemove.MigrationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What a sync needs to know about the receiving side besides its tree, read in one remote command (run
 * beside the listing): the SSH user's id, where {@code rrsync} is (for a direct transfer) and the staging
 * directories earlier syncs left in the root.
 *
 * @param uid the receiving SSH user's numeric id
 * @param rrsync the absolute path of rrsync, or why there is none (see {@link DirectRoute#judge})
 * @param staging the staging directories found
 */
public record ReceiverFacts(String uid, String rrsync, Staging staging) {
    private static final String READ = "id -u || exit 1; r=$( " + DirectRoute.FIND_RRSYNC + "); printf '%s\\n' \"$r\"; "
            + Staging.FIND;

    /** Reads the facts; a missing root holds no staging directory. */
    public static ReceiverFacts read(RemoteTree receiver) {
        byte[] out = receiver.ssh().exec(List.of("sh", "-c", READ, "sh", receiver.root()))
                .requireSuccess("read the user id and look for staging directories in " + receiver.where())
                .stdout();
        int first = lineEnd(out, 0);
        int second = lineEnd(out, first + 1);
        String uid = new String(out, 0, first, StandardCharsets.US_ASCII).strip();
        if (second >= out.length || !uid.chars().allMatch(Character::isDigit) || uid.isEmpty()) {
            throw new MigrationException("reading the user id on " + receiver.ssh().server() + " gave an unexpected"
                    + " answer; check that id(1) works there");
        }
        String rrsync = new String(out, first + 1, second - first - 1, StandardCharsets.ISO_8859_1).strip();
        return new ReceiverFacts(uid, rrsync, Staging.parse(receiver, Arrays.copyOfRange(out, second + 1, out.length)));
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
