package io.sitemove.journal;

import io.sitemove.internal.SiteNames;
import io.sitemove.journal.internal.FileLease;
import io.sitemove.spi.Journal;
import io.sitemove.spi.JournalEntry;
import io.sitemove.spi.JournalLease;
import io.sitemove.spi.LeaseHolder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps each site's journal as a file of JSON lines in a directory ({@code <site>.journal.jsonl}), one
 * entry a line (see {@link JournalCodec}). An append writes one line and fsyncs it: the history is never
 * rewritten. A crash in the middle of an append leaves a last line without its line break, which is not
 * an entry: it is ignored when read and cut off by the next append.
 *
 * <p>An append whose sequence number is not the next one is refused, and a file whose entries are out of
 * order is refused as corrupt: two processes driving the same site cannot silently interleave. A journal
 * written by an earlier version as one JSON array ({@code <site>.journal.json}) is read as it is, and
 * turned into JSON lines by the first append (the old file is kept as {@code <site>.journal.json.migrated}).
 *
 * <pre>{@code
 * Journal journal = new DirectoryJournal(Path.of("/var/lib/panel/migrations"));
 * }</pre>
 */
public final class DirectoryJournal implements Journal {
    private static final int TAIL = 64 * 1024;

    private final Path dir;

    /** A journal in {@code dir}, created when missing. */
    public DirectoryJournal(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir cannot be null");
    }

    /** The directory. */
    public Path directory() {
        return dir;
    }

    /** The file that holds a site's journal. */
    public Path fileOf(String site) {
        return dir.resolve(SiteNames.check(site) + ".journal.jsonl");
    }

    private Path legacyFileOf(String site) {
        return dir.resolve(SiteNames.check(site) + ".journal.json");
    }

    @Override
    public synchronized List<JournalEntry> read(String site) {
        Path file = fileOf(site);
        try {
            return JournalLines.parse(file, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return readLegacy(site);
        } catch (IOException e) {
            throw JournalException.unreadable(file, e);
        }
    }

    private List<JournalEntry> readLegacy(String site) {
        Path legacy = legacyFileOf(site);
        try {
            List<JournalEntry> entries = JournalCodec.fromJsonArray(Files.readAllBytes(legacy));
            JournalLines.checkSequence(legacy, entries);
            return entries;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            throw JournalException.unreadable(legacy, e);
        }
    }

    @Override
    public synchronized void append(String site, JournalEntry entry) {
        Path file = fileOf(site);
        try {
            Files.createDirectories(dir);
            if (Files.notExists(file) && Files.exists(legacyFileOf(site))) {
                migrateLegacy(site, file);
            }
            long expected = lastSeq(file) + 1;
            if (expected == 1 && entry.seq() > 1) {
                throw JournalException.vanished(file, site, entry.seq() - 1);
            }
            if (entry.seq() != expected) {
                throw JournalException.outOfSequence(file, site, expected - 1, entry.seq());
            }
            appendLine(file, (JournalCodec.toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new JournalException("journal " + file + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** The last whole entry's sequence number, 0 for none; a torn last line is cut off first. */
    private long lastSeq(Path file) throws IOException {
        if (Files.notExists(file)) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            int n = (int) Math.min(size, TAIL);
            ByteBuffer buf = ByteBuffer.allocate(n);
            ch.read(buf, size - n);
            byte[] tail = buf.array();
            int end = tail.length;
            while (end > 0 && tail[end - 1] != '\n') {
                end--;
            }
            if (end < tail.length) {
                ch.truncate(size - (tail.length - end));
                ch.force(true);
            }
            if (end == 0) {
                if (size > n) {
                    throw new IOException("its last " + n + " bytes hold no whole entry");
                }
                return 0;
            }
            int start = end - 1;
            while (start > 0 && tail[start - 1] != '\n') {
                start--;
            }
            if (start == 0 && size > n) {
                throw new IOException("its last entry is longer than " + n + " bytes");
            }
            return JournalCodec.fromJson(new String(tail, start, end - start, StandardCharsets.UTF_8)).seq();
        }
    }

    private void appendLine(Path file, byte[] line) throws IOException {
        boolean created = Files.notExists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        if (created) {
            syncDirectory();
        }
    }

    private void migrateLegacy(String site, Path file) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (JournalEntry e : readLegacy(site)) {
            lines.append(JournalCodec.toJson(e)).append('\n');
        }
        writeAtomically(file, lines.toString().getBytes(StandardCharsets.UTF_8));
        Path legacy = legacyFileOf(site);
        Files.move(legacy, legacy.resolveSibling(legacy.getFileName() + ".migrated"), StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
    }

    private void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + dir + " cannot rename atomically; put the journal elsewhere", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory();
    }

    private void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // some file systems cannot fsync a directory; the rename or the append itself is durable there
        }
    }

    /**
     * Takes the site's lease: an operating-system lock on {@code <site>.lease}, which ends with its process,
     * so a dead runner never blocks the next. A live holder is refused even with {@code takeOver}: stop it.
     */
    @Override
    public JournalLease lease(String site, LeaseHolder holder, boolean takeOver) {
        return FileLease.take(site, dir.resolve(SiteNames.check(site) + ".lease"), holder);
    }

    @Override
    public String toString() {
        return "DirectoryJournal[" + dir + "]";
    }

    /** The entries of a file of JSON lines. */
    static final class JournalLines {
        private JournalLines() {
        }

        static List<JournalEntry> parse(Path file, byte[] bytes) throws IOException {
            List<JournalEntry> entries = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    if (i > start) {
                        entries.add(JournalCodec.fromJson(new String(bytes, start, i - start, StandardCharsets.UTF_8)));
                    }
                    start = i + 1;
                }
            }
            checkSequence(file, entries);
            return entries;
        }

        static void checkSequence(Path file, List<JournalEntry> entries) throws IOException {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).seq() != i + 1) {
                    throw new IOException("entry " + (i + 1) + " has sequence number " + entries.get(i).seq()
                            + ": the journal is out of order (corrupt)");
                }
            }
        }
    }
}
