package io.sitemove.sync.files.internal;

import io.sitemove.MigrationException;
import io.sitemove.remote.ssh.RemoteProcess;
import io.sitemove.remote.ssh.RemoteCommandException;
import io.sitemove.remote.ssh.SshConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A directory tree on a remote server: list it, create it, delete entries in it. */
public final class RemoteTree {
    private static final int MISSING = 96;
    private static final String LIST = "if [ ! -d \"$1\" ]; then if [ \"$3\" = create ]; then mkdir -p -- \"$1\""
            + " || exit 1; else exit " + MISSING + "; fi; fi; cd -- \"$1\" || exit 1; " + ManifestParser.ACCOUNTS
            + " exec find . -mindepth 1 -path './" + Staging.PREFIX + "*' -prune -o -printf \"$2\"";

    private final SshConnection ssh;
    private final String root;

    public RemoteTree(SshConnection ssh, String root) {
        this.ssh = ssh;
        this.root = root;
    }

    public SshConnection ssh() {
        return ssh;
    }

    public String root() {
        return root;
    }

    /** The server and root, for messages. */
    public String where() {
        return ssh.server() + " under " + root;
    }

    /** Whether the root exists and is a directory (a link to one counts). */
    public boolean isDirectory() {
        return ssh.exec(List.of("test", "-d", root)).exitCode() == 0;
    }

    /** Creates the root if it is missing. */
    public void ensureRoot() {
        ssh.exec(List.of("mkdir", "-p", "--", root)).requireSuccess("create directory " + root);
    }

    /**
     * Lists every entry below the root, without following links (except a root that is itself a link),
     * leaving out the staging directories at its top and rsync's partial directories at any depth.
     */
    public List<FileEntry> manifest() {
        return manifest(false);
    }

    /**
     * Lists the tree as {@link #manifest()} does, in the same remote command creating the root first when
     * {@code create} is set; a missing root is refused otherwise.
     */
    public List<FileEntry> manifest(boolean create) {
        try (RemoteProcess find = ssh.start(List.of("sh", "-c", LIST, "sh", root, ManifestParser.FIND_FORMAT,
                create ? "create" : "keep"))) {
            closeQuietly(find.stdin());
            List<FileEntry> entries = new ManifestParser(where()).parse(find.stdout());
            int exit = waitFor(find, "listing the files under " + root);
            if (exit == MISSING) {
                throw MigrationException.permanent(root + " on " + ssh.server() + " does not exist or is not a directory;"
                        + " check the plan's roots");
            }
            if (exit != 0) {
                throw new RemoteCommandException("could not list the files of " + where() + ": find exited with code "
                        + exit + "; stderr: " + find.stderrText().strip()
                        + " (check that the SSH user can read every directory there)", exit);
            }
            return entries;
        } catch (IOException e) {
            throw LostConnection.of(ssh.server(), "listing the files under " + root, LostConnection.STARTS_OVER, e);
        }
    }

    private int waitFor(RemoteProcess command, String doing) {
        try {
            return command.waitFor();
        } catch (RuntimeException e) {
            throw LostConnection.retold(e, ssh.server(), doing, LostConnection.STARTS_OVER);
        }
    }

    /** Closes the stdin of a command that reads none; one that already ended tells by its exit code. */
    private static void closeQuietly(OutputStream stdin) {
        try {
            stdin.close();
        } catch (IOException e) {
            // the command reads no input; if it has ended already, its exit code and output tell how
        }
    }

    /** Deletes the given entries, which must be ordered deepest first: non-directories, then directories. */
    public void delete(List<FileEntry> entries) {
        byte[] files = nulList(entries.stream().filter(e -> !e.isDir()).toList());
        byte[] dirs = nulList(entries.stream().filter(FileEntry::isDir).toList());
        if (files.length > 0) {
            ssh.exec(List.of("sh", "-c", "cd -- \"$1\" && xargs -0 -r rm -f --", "sh", root), files)
                    .requireSuccess("delete files under " + root + " that the sending side no longer has");
        }
        if (dirs.length > 0) {
            ssh.exec(List.of("sh", "-c", "cd -- \"$1\" && xargs -0 -r rmdir --", "sh", root), dirs)
                    .requireSuccess("delete directories under " + root + " that the sending side no longer has");
        }
    }

    /**
     * The commands, run from the root, that delete the given entries, which must be ordered deepest first:
     * non-directories, then directories.
     */
    public static List<List<String>> deleteCommands(List<FileEntry> entries) {
        List<List<String>> commands = new ArrayList<>();
        PlaceCommands.batch(commands, List.of("rm", "-f", "--"),
                entries.stream().filter(e -> !e.isDir()).map(e -> "./" + e.path()).toList());
        PlaceCommands.batch(commands, List.of("rmdir", "--"),
                entries.stream().filter(FileEntry::isDir).map(e -> "./" + e.path()).toList());
        return commands;
    }

    /** The entries' paths as a NUL-terminated list, each prefixed with "./" so none reads as an option. */
    public static byte[] nulList(List<FileEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeNulList(out, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the entries' paths as {@link #nulList} does, to a stream. */
    public static void writeNulList(OutputStream out, List<FileEntry> entries) throws IOException {
        for (FileEntry entry : entries) {
            out.write('.');
            out.write('/');
            out.write(entry.path().getBytes(StandardCharsets.ISO_8859_1));
            out.write(0);
        }
    }
}
