package io.sitemove.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sitemove.MigrationException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryOnceTest {
    @Test
    void runsTheActionOnceAndReturnsItsResult() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("done", Retry.once().call("list files", () -> {
            calls.incrementAndGet();
            return "done";
        }));
        assertEquals(1, calls.get());
    }

    @Test
    void throwsARuntimeFailureAsItIsAfterOneAttempt() {
        AtomicInteger calls = new AtomicInteger();
        IllegalArgumentException failure = new IllegalArgumentException("bad");
        assertSame(failure, assertThrows(IllegalArgumentException.class, () -> Retry.once().run("check", () -> {
            calls.incrementAndGet();
            throw failure;
        })));
        assertEquals(1, calls.get());
    }

    @Test
    void wrapsACheckedFailureNamingTheOperation() {
        IOException cause = new IOException("connection reset");
        MigrationException e = assertThrows(MigrationException.class, () -> Retry.once().call("copy wp-content", () -> {
            throw cause;
        }));
        assertEquals("copy wp-content failed", e.getMessage());
        assertSame(cause, e.getCause());
    }
}
