package io.sitemove.sync.files.internal;

import io.sitemove.remote.ssh.SshConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which owner an entry should have on the receiving side: none managed (the receiving user cannot
 * give files away), the sender's user and group by name where the receiver knows both names, or one
 * fixed {@code user:group} for everything.
 */
public final class Ownership {
    private final Mode mode;
    private final String fixed;
    private final Set<String> users;
    private final Set<String> groups;

    private enum Mode { NONE, BY_NAME, FIXED }

    private Ownership(Mode mode, String fixed, Set<String> users, Set<String> groups) {
        this.mode = mode;
        this.fixed = fixed;
        this.users = users;
        this.groups = groups;
    }

    /** Owners are left as the receiving side creates them. */
    public static Ownership none() {
        return new Ownership(Mode.NONE, null, Set.of(), Set.of());
    }

    /** Everything gets this {@code user:group}. */
    public static Ownership fixed(String owner) {
        return new Ownership(Mode.FIXED, owner, Set.of(), Set.of());
    }

    /** Entries get the sender's user and group where the receiver knows these names. */
    public static Ownership byName(Set<String> knownUsers, Set<String> knownGroups) {
        return new Ownership(Mode.BY_NAME, null, Set.copyOf(knownUsers), Set.copyOf(knownGroups));
    }

    /**
     * Asks the receiver which of the sender's user and group names it knows (numeric ones are left out:
     * they have no name to map by). Names its own listing shows are known already (find printed them by
     * name), and so are those in its local account files; only the others are looked up, and nothing is
     * asked when none is left.
     *
     * @param localUsers the user names in the receiver's {@code /etc/passwd}
     * @param localGroups the group names in the receiver's {@code /etc/group}
     */
    public static Ownership byNameOn(SshConnection receiver, List<FileEntry> sent, List<FileEntry> received,
            Set<String> localUsers, Set<String> localGroups) {
        Set<String> users = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        names(sent, users, groups);
        Set<String> seenUsers = new TreeSet<>();
        Set<String> seenGroups = new TreeSet<>();
        names(received, seenUsers, seenGroups);
        users.stream().filter(localUsers::contains).forEach(seenUsers::add);
        groups.stream().filter(localGroups::contains).forEach(seenGroups::add);
        users.removeAll(seenUsers);
        groups.removeAll(seenGroups);
        if (users.isEmpty() && groups.isEmpty()) {
            return byName(seenUsers, seenGroups);
        }
        List<String> argv = new ArrayList<>(List.of("sh", "-c", "for n; do case $n in u:*) db=passwd;; *) db=group;; esac;"
                + " getent \"$db\" \"${n#?:}\" >/dev/null && printf '%s\\n' \"$n\"; done; exit 0", "sh"));
        users.forEach(u -> argv.add("u:" + u));
        groups.forEach(g -> argv.add("g:" + g));
        String known = new String(receiver.exec(argv).requireSuccess("look up user and group names on "
                + receiver.server().name()).stdout(), StandardCharsets.ISO_8859_1);
        Set<String> knownUsers = new TreeSet<>();
        Set<String> knownGroups = new TreeSet<>();
        for (String line : known.split("\n")) {
            if (line.startsWith("u:")) {
                knownUsers.add(line.substring(2));
            } else if (line.startsWith("g:")) {
                knownGroups.add(line.substring(2));
            }
        }
        knownUsers.addAll(seenUsers);
        knownGroups.addAll(seenGroups);
        return byName(knownUsers, knownGroups);
    }

    private static void names(List<FileEntry> entries, Set<String> users, Set<String> groups) {
        String last = null;
        for (FileEntry entry : entries) {
            String owner = entry.owner();
            if (owner.equals(last)) {
                continue;
            }
            last = owner;
            int colon = owner.indexOf(':');
            if (colon > 0) {
                addName(users, owner.substring(0, colon));
                addName(groups, owner.substring(colon + 1));
            }
        }
    }

    private static void addName(Set<String> names, String name) {
        if (!name.isEmpty() && !name.chars().allMatch(Character::isDigit) && name.indexOf('\n') < 0) {
            names.add(name);
        }
    }

    /** The owner the receiver's copy of this sender entry should have, or null when it is not managed. */
    public String wanted(FileEntry sender) {
        switch (mode) {
            case FIXED:
                return fixed;
            case BY_NAME:
                int colon = sender.owner().indexOf(':');
                if (colon <= 0) {
                    return null;
                }
                boolean known = users.contains(sender.owner().substring(0, colon))
                        && groups.contains(sender.owner().substring(colon + 1));
                return known ? sender.owner() : null;
            default:
                return null;
        }
    }

    /** The fixed owner, or null. */
    public String fixedOwner() {
        return fixed;
    }

    /** Whether tar on the receiver should set owners from the archive (by name, else by number). */
    public boolean extractOwners() {
        return mode == Mode.BY_NAME;
    }
}
