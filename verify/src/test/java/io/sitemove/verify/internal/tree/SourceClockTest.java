package io.sitemove.verify.internal.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sitemove.MigrationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceClockTest {
    private static final Instant BEFORE = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant AFTER = BEFORE.plusMillis(200);

    @Test
    void theServersTimeIsTakenAtTheMiddleOfTheRoundTrip() {
        SourceClock clock = SourceClock.of(seconds(BEFORE.plusSeconds(30).plusMillis(100)), BEFORE, AFTER, "old");

        assertEquals(Duration.ofSeconds(30), clock.offset());
        assertEquals(Duration.ofMillis(100), clock.uncertainty());
    }

    @Test
    void aClockBehindHasANegativeOffset() {
        SourceClock clock = SourceClock.of(seconds(BEFORE.minusSeconds(90).plusMillis(100)), BEFORE, AFTER, "old");

        assertEquals(Duration.ofSeconds(-90), clock.offset());
    }

    @Test
    void theSyncsStartIsMovedToTheServersClockAndTakenEarly() {
        SourceClock ahead = new SourceClock(Duration.ofSeconds(30), Duration.ofMillis(100));
        Instant started = Instant.parse("2026-01-01T09:00:00.050Z");

        assertEquals(started.getEpochSecond() + 29, ahead.earliestSecond(started));
        assertEquals(started.getEpochSecond() + 30,
                new SourceClock(Duration.ofSeconds(30), Duration.ofMillis(10)).earliestSecond(started));
    }

    @Test
    void aDateWithoutNanosecondsAddsASecondOfUncertainty() {
        SourceClock clock = SourceClock.of(BEFORE.getEpochSecond() + ".N", BEFORE, AFTER, "old");

        assertEquals(Duration.ofMillis(1100), clock.uncertainty());
        assertEquals(Duration.ofMillis(-100), clock.offset());
    }

    @Test
    void aReadingThatIsNoTimeIsRefusedNamingTheServer() {
        MigrationException e = assertThrows(MigrationException.class,
                () -> SourceClock.of("Thu Jan  1 10:00:00 UTC 2026", BEFORE, AFTER, "old"));

        assertEquals(true, e.getMessage().contains("server old"), e.getMessage());
    }

    private static String seconds(Instant at) {
        return at.getEpochSecond() + "." + String.format("%09d", at.getNano());
    }
}
