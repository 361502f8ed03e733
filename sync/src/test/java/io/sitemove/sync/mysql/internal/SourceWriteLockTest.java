package io.sitemove.sync.mysql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SourceWriteLockTest {
    @Test
    void accountIsWrittenAsQuotedLiterals() {
        assertEquals("'wp'@'%'", new SourceWriteLock("wp@%").account());
        assertEquals("'o''brien\\\\x'@'10.0.0.%'", new SourceWriteLock("o'brien\\x@10.0.0.%").account());
    }

    @Test
    void refusesWhatIsNotUserAtHost() {
        assertThrows(IllegalArgumentException.class, () -> new SourceWriteLock("wp"));
        assertThrows(IllegalArgumentException.class, () -> new SourceWriteLock("wp@"));
        assertThrows(NullPointerException.class, () -> new SourceWriteLock(null));
    }
}
