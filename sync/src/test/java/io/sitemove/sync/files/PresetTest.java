package io.sitemove.sync.files;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PresetTest {
    private final Exclusions wordpress = new Exclusions(Preset.WORDPRESS.excludes());

    @Test
    void wordPressLeavesOutCacheContentsButKeepsTheCacheDirectories() {
        assertTrue(wordpress.excludes("wp-content/cache/wp-rocket/example.com/index.html"));
        assertTrue(wordpress.excludes("wp-content/cache/autoptimize/css/a.css"));
        assertTrue(wordpress.excludes("wp-content/uploads/cache/x.jpg"));
        assertTrue(wordpress.excludes("wp-content/et-cache/1/et-core.css"));
        assertTrue(wordpress.excludes("wp-content/litespeed/css/a.css"));
        assertFalse(wordpress.excludes("wp-content/cache"), "the directory itself stays");
        assertFalse(wordpress.excludes("wp-content/plugins/tutor/classes/Cache/Quiz.php"));
        assertFalse(wordpress.excludes("wp-content/plugins/elementor/core/cache/x.php"));
        assertFalse(wordpress.excludes("wp-content/w3tc-config/master.php"), "settings are copied");
    }

    @Test
    void wordPressLeavesOutStagingCopiesAndTheMaintenanceMarkerAtTheRootOnly() {
        assertTrue(wordpress.excludes("staging/index.php"));
        assertTrue(wordpress.excludes("wp-staging"));
        assertTrue(wordpress.excludes("wp-content/uploads/wp-staging/logs/a.log"));
        assertTrue(wordpress.excludes(".maintenance"));
        assertFalse(wordpress.excludes("wp-content/plugins/x/.maintenance"));
        assertFalse(wordpress.excludes("wp-content/uploads/staging/photo.jpg"));
    }

    @Test
    void theDefaultExcludesNothingAndAPresetAddsToExplicitGlobsOnce() {
        FileSyncer plain = FileSyncer.builder().sourceRoot("/a").targetRoot("/b").build();
        FileSyncer both = FileSyncer.builder().sourceRoot("/a").targetRoot("/b").exclude("*.log")
                .preset(Preset.WORDPRESS).preset(Preset.WORDPRESS).build();

        assertEquals(List.of(), plain.excludes());
        assertEquals(1 + Preset.WORDPRESS.excludes().size(), both.excludes().size());
        assertEquals("*.log", both.excludes().get(0));
        assertThrows(NullPointerException.class, () -> FileSyncer.builder().preset(null));
    }
}
