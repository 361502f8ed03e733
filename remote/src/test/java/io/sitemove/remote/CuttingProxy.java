package io.sitemove.remote;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of a real server that cuts every connection once the clients have sent a
 * given number of bytes through it in all: a network failure in the middle of a transfer, for real.
 */
public final class CuttingProxy extends TcpProxy {
    private final long cutAfter;
    private final AtomicLong upstream = new AtomicLong();
    private volatile boolean cut;

    public CuttingProxy(String host, int port, long cutAfterClientBytes) throws IOException {
        super(host, port, "cutting-proxy");
        this.cutAfter = cutAfterClientBytes;
        start();
    }

    /** Whether a connection was cut. */
    public boolean cut() {
        return cut;
    }

    @Override
    boolean passed(long carried, int piece) {
        if (upstream.addAndGet(piece) >= cutAfter) {
            cut = true;
            return false;
        }
        return true;
    }
}
