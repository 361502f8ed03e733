package io.sitemove.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polls until a server is ready, failing early when its process dies. */
final class Waits {

    static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private Waits() {
    }

    static void until(ManagedProcess process, String what, Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            process.requireAlive();
            if (ready.getAsBoolean()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw process.failure("did not " + what + " within " + timeout.toSeconds() + " s");
            }
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted while waiting for a server", e);
        }
    }
}
