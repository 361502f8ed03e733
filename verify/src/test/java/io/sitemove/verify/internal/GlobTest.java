package io.sitemove.verify.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {
    @Test
    void starStaysWithinOnePart() {
        Glob glob = Glob.of("*.log");
        assertTrue(glob.matches("error.log"));
        assertFalse(glob.matches("logs/error.log"));
    }

    @Test
    void doubleStarCrossesParts() {
        Glob glob = Glob.of("**/*.log");
        assertTrue(glob.matches("error.log"));
        assertTrue(glob.matches("a/b/error.log"));
        assertFalse(glob.matches("a/b/error.txt"));
    }

    @Test
    void anExcludedDirectoryExcludesWhatItHolds() {
        Glob glob = Glob.of("wp-content/cache");
        assertTrue(glob.matches("wp-content/cache"));
        assertTrue(glob.matches("wp-content/cache/page/x.html"));
        assertFalse(glob.matches("wp-content/cached.php"));
    }

    @Test
    void questionMarkAndLiteralsMatchThemselvesOnly() {
        Glob glob = Glob.of("a?.[x]");
        assertTrue(glob.matches("ab.[x]"));
        assertFalse(glob.matches("a/.[x]"));
        assertFalse(glob.matches("ab.x"));
    }

    @Test
    void refusesEmptyAndAbsoluteGlobs() {
        assertThrows(IllegalArgumentException.class, () -> Glob.of(" "));
        assertThrows(IllegalArgumentException.class, () -> Glob.of("/etc"));
        assertThrows(NullPointerException.class, () -> Glob.of(null));
    }
}
