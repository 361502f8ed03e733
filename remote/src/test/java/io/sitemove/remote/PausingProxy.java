package io.sitemove.remote;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay in front of a real server that stops passing on what a client sends once that one
 * connection has carried a given number of bytes, until {@link #release()}: a transfer stalled at a
 * known point midway, so a test can interrupt it there. Other connections pass freely.
 */
public final class PausingProxy extends TcpProxy {
    private final long holdAfter;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    public PausingProxy(String host, int port, long holdAfterClientBytes) throws IOException {
        super(host, port, "pausing-proxy");
        this.holdAfter = holdAfterClientBytes;
        start();
    }

    /** Waits until a connection has carried the given bytes and is held; false when the wait timed out. */
    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the held connection go on. */
    public void release() {
        released.countDown();
    }

    @Override
    boolean passed(long carried, int piece) throws InterruptedException {
        if (carried >= holdAfter && released.getCount() > 0) {
            held.countDown();
            released.await();
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        release();
        super.close();
    }
}
