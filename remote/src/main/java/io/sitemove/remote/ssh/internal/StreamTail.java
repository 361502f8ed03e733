package io.sitemove.remote.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Drains a stream on its own thread and keeps its last bytes, for error messages. */
public final class StreamTail {
    private static final int LIMIT = 64 * 1024;

    private final byte[] ring = new byte[LIMIT];
    private long total;
    private final Thread thread;

    public StreamTail(InputStream in, String threadName) {
        thread = new Thread(() -> drain(in), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                append(buf, n);
            }
        } catch (IOException e) {
            byte[] note = ("\n[stderr lost: " + e.getMessage() + "]").getBytes(StandardCharsets.UTF_8);
            append(note, note.length);
        }
    }

    private synchronized void append(byte[] buf, int n) {
        for (int i = 0; i < n; i++) {
            ring[(int) (total++ % LIMIT)] = buf[i];
        }
    }

    /** Waits until the stream is drained. */
    public void await() throws InterruptedException {
        thread.join();
    }

    /** What was kept, decoded as UTF-8. */
    public synchronized String text() {
        int size = (int) Math.min(total, LIMIT);
        byte[] out = new byte[size];
        long start = total - size;
        for (int i = 0; i < size; i++) {
            out[i] = ring[(int) ((start + i) % LIMIT)];
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
