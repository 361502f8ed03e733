package io.sitemove.journal;

import io.sitemove.internal.JournalCodec;
import io.sitemove.spi.Journal;
import io.sitemove.spi.JournalEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
 * Keeps each site's journal as one JSON file in a directory ({@code <site>.journal.json}). Every
 * append rewrites the file atomically: a temporary file is written and fsynced, renamed over the
 * old one, and the directory fsynced; a crash at any moment leaves the old or the new journal, whole.
 *
 * <p>An append whose sequence number is not the next one is refused: two processes driving the same
 * site cannot silently interleave.
 *
 * <pre>{@code
 * Journal journal = new DirectoryJournal(Path.of("/var/lib/panel/migrations"));
 * }</pre>
 */
public final class DirectoryJournal implements Journal {
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
        return dir.resolve(site + ".journal.json");
    }

    @Override
    public synchronized List<JournalEntry> read(String site) {
        Path file = fileOf(site);
        try {
            return JournalCodec.fromJson(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            throw new JournalException("journal " + file + " cannot be read: " + e.getMessage()
                    + "; restore it from a backup or move it away to start the migration anew", e);
        }
    }

    @Override
    public synchronized void append(String site, JournalEntry entry) {
        List<JournalEntry> entries = new ArrayList<>(read(site));
        long expected = entries.isEmpty() ? 1 : entries.get(entries.size() - 1).seq() + 1;
        if (entry.seq() != expected) {
            throw new JournalException("journal " + fileOf(site) + " is at entry " + (expected - 1) + " but entry "
                    + entry.seq() + " was appended: is another process running the migration of '" + site + "'?", null);
        }
        entries.add(entry);
        try {
            writeAtomically(fileOf(site), JournalCodec.toJson(entries));
        } catch (IOException e) {
            throw new JournalException("journal " + fileOf(site) + " cannot be written: " + e.getMessage(), e);
        }
    }

    private void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + dir + " cannot rename atomically; put the journal elsewhere", e);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // some file systems cannot fsync a directory; the rename itself is atomic there
        }
    }

    @Override
    public String toString() {
        return "DirectoryJournal[" + dir + "]";
    }
}
