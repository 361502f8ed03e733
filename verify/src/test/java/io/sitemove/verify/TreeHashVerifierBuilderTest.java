package io.sitemove.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.spi.VerifyStage;
import io.sitemove.sync.files.FileSyncer;
import io.sitemove.sync.files.Preset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TreeHashVerifierBuilderTest {
    private final FileSyncer files = FileSyncer.builder().name("docroot").sourceRoot("/var/www/shop/")
            .targetRoot("/srv/www/shop").preset(Preset.WORDPRESS).exclude("*.log").targetOwner("shop:shop").build();

    @Test
    void ofTakesTheSyncersRootsExclusionsPresetAndName() {
        TreeHashVerifier tree = TreeHashVerifier.of(files);

        List<String> expected = new ArrayList<>(files.excludes());
        assertEquals(expected, tree.excludes());
        assertTrue(tree.excludes().containsAll(Preset.WORDPRESS.excludes()), tree.excludes().toString());
        assertTrue(tree.excludes().contains("*.log"), tree.excludes().toString());
        assertTrue(tree.toString().startsWith("TreeHashVerifier[/var/www/shop -> /srv/www/shop,"), tree.toString());
        assertTrue(tree.toString().contains("last sync of 'docroot'"), tree.toString());
        assertEquals("files", tree.name());
    }

    @Test
    void hashesEveryFileAtFunctionalAndOnlyChangedOnesAtCutoverByDefault() {
        TreeHashVerifier tree = TreeHashVerifier.of(files);

        assertEquals(ContentHashes.ALWAYS, tree.contentHashes(VerifyStage.FUNCTIONAL));
        assertEquals(ContentHashes.WHEN_SIZE_OR_MTIME_DIFFER, tree.contentHashes(VerifyStage.CUTOVER));
        assertEquals(Set.of(VerifyStage.FUNCTIONAL, VerifyStage.CUTOVER), tree.stages());
    }

    @Test
    void contentHashesStagesAndExclusionsCanBeChanged() {
        TreeHashVerifier tree = TreeHashVerifier.builder().from(files).contentHashes(ContentHashes.NEVER)
                .contentHashes(VerifyStage.CUTOVER, ContentHashes.ALWAYS).stages(VerifyStage.CUTOVER)
                .exclude("tmp/**", "*.log").preset(Preset.WORDPRESS).build();

        assertEquals(ContentHashes.NEVER, tree.contentHashes(VerifyStage.FUNCTIONAL));
        assertEquals(ContentHashes.ALWAYS, tree.contentHashes(VerifyStage.CUTOVER));
        assertEquals(Set.of(VerifyStage.CUTOVER), tree.stages());
        assertEquals(files.excludes().size() + 1, tree.excludes().size(), "each glob once: " + tree.excludes());
        assertEquals("tmp/**", tree.excludes().get(tree.excludes().size() - 1));
    }

    @Test
    void rootsWithoutASyncerNeedBothAndAbsolutePaths() {
        TreeHashVerifier tree = TreeHashVerifier.builder().roots("/a/", "/b").preset(Preset.WORDPRESS).build();

        assertEquals(Preset.WORDPRESS.excludes(), tree.excludes());
        assertTrue(tree.toString().contains("/a -> /b"), tree.toString());
        assertThrows(IllegalStateException.class, () -> TreeHashVerifier.builder().build());
        assertThrows(IllegalArgumentException.class, () -> TreeHashVerifier.builder().roots("relative", "/b"));
        assertThrows(IllegalArgumentException.class, () -> TreeHashVerifier.builder().roots("/a", "/b/../c"));
        assertThrows(IllegalArgumentException.class, () -> TreeHashVerifier.builder().roots("/a", "/"));
    }

    @Test
    void refusesNullsBlanksAndASecondSyncer() {
        TreeHashVerifier.Builder b = TreeHashVerifier.builder();

        assertEquals("syncer cannot be null", assertThrows(NullPointerException.class, () -> b.from(null)).getMessage());
        assertEquals("sourceRoot cannot be null",
                assertThrows(NullPointerException.class, () -> b.roots(null, "/b")).getMessage());
        assertEquals("contentHashes cannot be null",
                assertThrows(NullPointerException.class, () -> b.contentHashes(null)).getMessage());
        assertEquals("stage cannot be null", assertThrows(NullPointerException.class,
                () -> b.contentHashes(null, ContentHashes.ALWAYS)).getMessage());
        assertEquals("preset cannot be null", assertThrows(NullPointerException.class, () -> b.preset(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.exclude(" "));
        assertThrows(IllegalArgumentException.class, () -> b.stages());
        assertThrows(IllegalArgumentException.class, () -> b.syncerName(""));
        b.from(files);
        assertThrows(IllegalStateException.class, () -> b.from(files));
    }
}
