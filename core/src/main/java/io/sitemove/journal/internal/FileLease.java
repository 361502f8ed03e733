package io.sitemove.journal.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sitemove.journal.JournalException;
import io.sitemove.journal.LeaseHeldException;
import io.sitemove.journal.LeaseLostException;
import io.sitemove.spi.JournalLease;
import io.sitemove.spi.LeaseHolder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A site's lease as an operating-system lock on {@code <site>.lease} beside its journal, with the holder
 * written into the file so a refused runner can say who holds it. The lock ends with its process, so a
 * runner that died never blocks the next one; within one process a second runner is refused too.
 */
public final class FileLease implements JournalLease {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final Map<Path, LeaseHolder> HELD_HERE = new ConcurrentHashMap<>();

    private final Path file;
    private final LeaseHolder holder;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private FileLease(Path file, LeaseHolder holder, FileChannel channel, FileLock lock) {
        this.file = file;
        this.holder = holder;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lease in {@code file} for {@code holder}, or refuses naming who holds it. */
    public static FileLease take(String site, Path file, LeaseHolder holder) {
        Path key = file.toAbsolutePath().normalize();
        LeaseHolder here = HELD_HERE.putIfAbsent(key, holder);
        if (here != null) {
            throw LeaseHeldException.heldBy(site, file, here);
        }
        try {
            Files.createDirectories(key.getParent());
            FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                LeaseHolder other = readHolder(channel);
                channel.close();
                throw LeaseHeldException.heldBy(site, file, other);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(holder)), 0);
            channel.force(true);
            return new FileLease(key, holder, channel, lock);
        } catch (IOException e) {
            HELD_HERE.remove(key, holder);
            throw new JournalException("the lease file " + file + " cannot be taken: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            HELD_HERE.remove(key, holder);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static LeaseHolder readHolder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(channel.size(), 64 * 1024));
            channel.read(buf, 0);
            return JSON.readValue(buf.array(), 0, buf.position(), LeaseHolder.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public LeaseHolder holder() {
        return holder;
    }

    @Override
    public synchronized void check() {
        if (closed || !lock.isValid()) {
            throw LeaseLostException.lost(file, holder, closed ? "released" : "its lock ended");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock ends with the channel or the process anyway
        } finally {
            HELD_HERE.remove(file, holder);
        }
    }
}
