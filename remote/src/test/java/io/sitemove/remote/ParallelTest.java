package io.sitemove.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Work on both servers at once: both results, or the failure as it was thrown. */
class ParallelTest {
    @Test
    void runsBothSidesAtOnceAndReturnsBothResults() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        Parallel.Both<String> both = Parallel.onBoth("list files",
                () -> meet(bothStarted, "source on " + Thread.currentThread().getName()),
                () -> meet(bothStarted, "target on " + Thread.currentThread().getName()));

        assertTrue(both.source().startsWith("source on sitemove-source-list-files"), both.source());
        assertEquals("target on " + Thread.currentThread().getName(), both.target());
    }

    @Test
    void aFailureOnTheSourceIsThrownAsItWas() {
        MigrationException failure = MigrationException.retryable("connection dropped", null);

        MigrationException e = assertThrows(MigrationException.class,
                () -> Parallel.onBoth("hash files", () -> { throw failure; }, () -> "target"));

        assertSame(failure, e);
    }

    @Test
    void aFailureOnTheTargetIsThrownAndTheSourceIsInterrupted() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        IllegalArgumentException failure = new IllegalArgumentException("bad listing");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.onBoth("list files",
                () -> {
                    started.countDown();
                    try {
                        never.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException stopped) {
                        interrupted.countDown();
                    }
                    return "source";
                },
                () -> {
                    await(started);
                    throw failure;
                }));

        assertSame(failure, e);
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the source's call was interrupted");
    }

    private static String meet(CountDownLatch latch, String value) {
        latch.countDown();
        await(latch);
        return value;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "the other side runs at the same time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
