package io.sitemove.remote.ssh.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A channel's stdin that flushes before it closes. sshj's channel stream, closed with data still
 * buffered while the remote window is full, sends end-of-file without that data; flushing first
 * waits for the window. With nothing written since the last flush there is nothing to wait for, and
 * no flush: sshj refuses one once the remote command has ended, which a command that reads nothing
 * may well have done by then.
 */
public final class FlushOnCloseOutputStream extends OutputStream {
    private final OutputStream channel;
    private boolean closed;
    private volatile boolean pending;

    public FlushOnCloseOutputStream(OutputStream channel) {
        this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
        pending = true;
        channel.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        pending |= len > 0;
        channel.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        channel.flush();
        pending = false;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (pending) {
                channel.flush();
            }
        } finally {
            channel.close();
        }
    }
}
