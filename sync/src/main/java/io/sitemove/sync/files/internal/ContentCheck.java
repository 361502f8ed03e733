package io.sitemove.sync.files.internal;

import io.sitemove.remote.RemotePaths;

import io.sitemove.MigrationException;
import io.sitemove.sync.files.Exclusions;
import io.sitemove.remote.ssh.RemoteCommandException;
import io.sitemove.remote.ssh.RemoteProcess;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the content of files both sides hold with the same size, by SHA-256 computed remotely on
 * both sides at once ({@code sha256sum -z} over a NUL list, so any name survives). A file that could
 * not be hashed on either side counts as different.
 */
public final class ContentCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ContentCheck.class);
    private static final String HASH = "cd -- \"$1\" && exec xargs -0 -r sha256sum -z --";
    private static final int HEX = 64;
    private static final int XARGS_SOME_FAILED = 123;

    private final Map<String, Boolean> verdicts;
    private final long differing;

    private ContentCheck(Map<String, Boolean> verdicts) {
        this.verdicts = verdicts;
        this.differing = verdicts.values().stream().filter(same -> !same).count();
    }

    /** Nothing checked: size and mtime decide. */
    public static ContentCheck none() {
        return new ContentCheck(Map.of());
    }

    /** The regular files both sides hold, outside the exclusions, with equal sizes. */
    public static List<FileEntry> candidates(List<FileEntry> sender, List<FileEntry> receiver, Exclusions exclusions) {
        Map<String, FileEntry> theirs = new HashMap<>();
        for (FileEntry e : receiver) {
            if (e.isFile()) {
                theirs.put(e.path(), e);
            }
        }
        List<FileEntry> out = new ArrayList<>();
        for (FileEntry e : sender) {
            FileEntry other = theirs.get(e.path());
            if (e.isFile() && other != null && other.size() == e.size() && !exclusions.excludes(e.path())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Hashes the candidates on both sides in parallel and keeps which differ. */
    public static ContentCheck run(RemoteTree sender, RemoteTree receiver, List<FileEntry> candidates) {
        if (candidates.isEmpty()) {
            return none();
        }
        CompletableFuture<Map<String, String>> theirs = CompletableFuture.supplyAsync(() -> {
            Map<String, String> hashes = new HashMap<>();
            hash(receiver, candidates, hashes::put);
            return hashes;
        }, task -> {
            Thread thread = new Thread(task, "sitemove-sha-receiver");
            thread.setDaemon(true);
            thread.start();
        });
        Map<String, String> ours = new HashMap<>();
        hash(sender, candidates, ours::put);
        Map<String, String> received;
        try {
            received = theirs.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        Map<String, Boolean> verdicts = new HashMap<>();
        for (FileEntry e : candidates) {
            String mine = ours.get(e.path());
            verdicts.put(e.path(), mine != null && mine.equals(received.get(e.path())));
        }
        return new ContentCheck(verdicts);
    }

    private static void hash(RemoteTree tree, List<FileEntry> files, BiConsumer<String, String> sink) {
        try (RemoteProcess sha = tree.ssh().start(List.of("sh", "-c", HASH, "sh", tree.root()))) {
            Thread feeder = new Thread(() -> feed(sha.stdin(), files), "sitemove-sha-list");
            feeder.setDaemon(true);
            feeder.start();
            try {
                read(sha.stdout(), tree, sink);
                feeder.join();
            } catch (IOException e) {
                throw LostConnection.of(tree.ssh().server(), "hashing files under " + tree.root(),
                        LostConnection.STARTS_OVER, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw LostConnection.interrupted(tree.ssh().server(), "hashing files under " + tree.root(), e);
            }
            int exit;
            try {
                exit = sha.waitFor();
            } catch (RuntimeException e) {
                throw LostConnection.retold(e, tree.ssh().server(), "hashing files under " + tree.root(),
                        LostConnection.STARTS_OVER);
            }
            if (exit == XARGS_SOME_FAILED) {
                LOG.warn("some files under {} could not be hashed; they will be sent: {}", tree.where(),
                        sha.stderrText().strip());
            } else if (exit != 0) {
                throw new RemoteCommandException("could not hash files under " + tree.where() + ": exit code " + exit
                        + "; stderr: " + sha.stderrText().strip() + " (is GNU coreutils' sha256sum installed?)", exit);
            }
        }
    }

    private static void read(InputStream raw, RemoteTree tree, BiConsumer<String, String> sink) throws IOException {
        InputStream in = new BufferedInputStream(raw, 64 * 1024);
        ByteArrayOutputStream record = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            if (b != 0) {
                record.write(b);
                continue;
            }
            String line = record.toString(StandardCharsets.ISO_8859_1);
            record.reset();
            if (line.length() < HEX + 4 || line.charAt(HEX) != ' ' || !line.startsWith("./", HEX + 2)) {
                throw MigrationException.permanent("unreadable sha256sum output from " + tree.where() + ": '"
                        + RemotePaths.display(line) + "'");
            }
            sink.accept(line.substring(HEX + 4), line.substring(0, HEX));
        }
    }

    private static void feed(OutputStream stdin, List<FileEntry> files) {
        try (OutputStream out = new BufferedOutputStream(stdin, 64 * 1024)) {
            RemoteTree.writeNulList(out, files);
        } catch (IOException e) {
            LOG.debug("sha256sum stopped reading its file list: {}", e.toString());
        }
    }

    /**
     * Whether the file's content is the same on both sides: null when it was not checked (size and
     * mtime decide), else the hashes' verdict.
     */
    public Boolean sameContent(String path) {
        return verdicts.get(path);
    }

    /** How many files were hashed on each side. */
    public long checked() {
        return verdicts.size();
    }

    /** How many of them differ. */
    public long differing() {
        return differing;
    }
}
