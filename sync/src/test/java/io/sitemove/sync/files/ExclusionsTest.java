package io.sitemove.sync.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExclusionsTest {

    @Test
    void aGlobWithoutSlashMatchesANameAtAnyDepth() {
        Exclusions ex = new Exclusions(List.of("*.log"));
        assertTrue(ex.excludes("debug.log"));
        assertTrue(ex.excludes("a/b/error.log"));
        assertFalse(ex.excludes("log.txt"));
    }

    @Test
    void aGlobWithSlashMatchesFromTheRootAndCoversWhatADirectoryHolds() {
        Exclusions ex = new Exclusions(List.of("wp-content/cache", "uploads/**/*.tmp"));
        assertTrue(ex.excludes("wp-content/cache"));
        assertTrue(ex.excludes("wp-content/cache/page/index.html"));
        assertFalse(ex.excludes("wp-content/cached"));
        assertFalse(ex.excludes("x/wp-content/cache"));
        assertTrue(ex.excludes("uploads/a.tmp"));
        assertTrue(ex.excludes("uploads/2024/05/a.tmp"));
        assertFalse(ex.excludes("uploads/a.jpg"));
    }

    @Test
    void noGlobsExcludeNothing() {
        assertFalse(new Exclusions(List.of()).excludes("anything"));
    }
}
