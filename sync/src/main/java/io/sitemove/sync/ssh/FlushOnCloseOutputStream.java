package io.sitemove.sync.ssh;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A channel's stdin that flushes before it closes. sshj's channel stream, closed with data still
 * buffered while the remote window is full, sends end-of-file without that data; flushing first
 * waits for the window.
 */
final class FlushOnCloseOutputStream extends OutputStream {
    private final OutputStream channel;
    private boolean closed;

    FlushOnCloseOutputStream(OutputStream channel) {
        this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
        channel.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        channel.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        channel.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.flush();
        } finally {
            channel.close();
        }
    }
}
