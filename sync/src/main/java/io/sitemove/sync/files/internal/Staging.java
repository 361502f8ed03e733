package io.sitemove.sync.files.internal;

import io.sitemove.remote.RemotePaths;

import io.sitemove.MigrationException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The receiving side's staging directory, {@code ROOT/.sitemove-staging-<id>}: the transfer lands
 * there, on the root's own file system, and entries are renamed into place only once the whole
 * archive arrived. A sync that was cut off leaves it behind; the next one finds it, keeps what arrived
 * whole and removes the rest. Names starting with {@value #PREFIX} at the top of a root are reserved:
 * never listed, copied or deleted as site files.
 */
public final class Staging {
    /** The reserved name prefix of staging directories. */
    public static final String PREFIX = ".sitemove-staging-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RemoteTree receiver;
    private final List<String> leftovers;
    private final List<String> reusable;
    private String name;

    private Staging(RemoteTree receiver, List<String> leftovers, List<String> reusable) {
        this.receiver = receiver;
        this.leftovers = leftovers;
        this.reusable = reusable;
    }

    /**
     * A shell command, given the root as {@code $1}, printing what {@link #parse} reads; a missing root
     * holds none.
     */
    static final String FIND = "[ -d \"$1\" ] || exit 0; exec find \"$1\" -mindepth 1 -maxdepth 1 -name '" + PREFIX
            + "*' -printf '%y\\0%P\\0'";

    /** Reads the output of {@link #FIND}. */
    static Staging parse(RemoteTree receiver, byte[] listed) {
        List<String> names = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        String[] fields = new String(listed, StandardCharsets.ISO_8859_1).split("\0");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            String name = fields[i + 1];
            if (!name.startsWith(PREFIX) || name.indexOf('/') >= 0) {
                throw MigrationException.permanent("refusing staging name '" + RemotePaths.display(name) + "' listed by "
                        + receiver.where() + "; inspect that directory");
            }
            names.add(name);
            if (fields[i].equals("d")) {
                dirs.add(name);
            }
        }
        return new Staging(receiver, names, dirs);
    }

    /** Staging directories that earlier syncs left behind. */
    public List<String> leftovers() {
        return List.copyOf(leftovers);
    }

    /**
     * Takes up the first leftover directory, if there is one, or names a fresh one, and returns its tree.
     * A fresh one does not exist yet: whatever writes into it first creates it (mode 0700), see
     * {@link #created()}.
     */
    public RemoteTree open() {
        if (!reusable.isEmpty()) {
            name = reusable.get(0);
            return tree();
        }
        name = PREFIX + HexFormat.of().formatHex(randomBytes());
        return tree();
    }

    /** Whether the staging directory in use exists already (taken up from an earlier sync). */
    public boolean created() {
        return resumed();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The name of the staging directory in use, inside the root. */
    public String name() {
        if (name == null) {
            throw new IllegalStateException("the staging directory is not open");
        }
        return name;
    }

    /** Whether the staging directory in use was left by an earlier sync. */
    public boolean resumed() {
        return name != null && leftovers.contains(name);
    }

    private RemoteTree tree() {
        return new RemoteTree(receiver.ssh(), receiver.root() + "/" + name);
    }

    /** Removes staged entries, each with all it holds. */
    public void discard(List<FileEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        receiver.ssh().exec(List.of("sh", "-c", "cd -- \"$1\" && xargs -0 -r rm -rf --", "sh",
                        receiver.root() + "/" + name()), RemoteTree.nulList(entries))
                .requireSuccess("remove stale entries from the staging directory " + name + " in " + receiver.root());
    }

    /** Removes the staging directory in use and every leftover one. */
    public void removeAll() {
        List<String> argv = new ArrayList<>(List.of("rm", "-rf", "--"));
        names().forEach(n -> argv.add(receiver.root() + "/" + n));
        if (argv.size() > 3) {
            receiver.ssh().exec(argv).requireSuccess("remove the staging directories in " + receiver.root());
        }
    }

    /**
     * The command that removes the staging directory in use and every leftover one, run from the root,
     * or an empty list when there is none.
     */
    public List<List<String>> removeCommand() {
        List<String> argv = new ArrayList<>(List.of("rm", "-rf", "--"));
        names().forEach(n -> argv.add("./" + n));
        return argv.size() > 3 ? List.of(argv) : List.of();
    }

    private List<String> names() {
        List<String> all = new ArrayList<>(leftovers);
        if (name != null && !leftovers.contains(name)) {
            all.add(name);
        }
        return all;
    }
}
