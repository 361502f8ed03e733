package io.sitemove.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.VerifyStage;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class WordPressIntegrityVerifierBuilderTest {
    private static final DbEndpoint OLD = new DbEndpoint("127.0.0.2", 3306, "shop", "migrate", Secret.of("pw"));
    private static final DbEndpoint NEW = new DbEndpoint("127.0.0.3", 3306, "shop", "migrate", Secret.of("pw"));

    private static WordPressIntegrityVerifier.Builder complete() {
        return WordPressIntegrityVerifier.builder().docroots("/var/www/shop", "/srv/www/shop").databases(OLD, NEW);
    }

    @Test
    void runsBeforeTheWatchWindowByDefaultAndAtTheStagesChosen() {
        assertEquals(EnumSet.of(VerifyStage.FUNCTIONAL, VerifyStage.CUTOVER), complete().build().stages());
        assertEquals(EnumSet.of(VerifyStage.CUTOVER), complete().stages(VerifyStage.CUTOVER).build().stages());
        assertEquals("wordpress-integrity", complete().build().name());
    }

    @Test
    void refusesNullsWithTheNameOfWhatIsMissing() {
        var b = WordPressIntegrityVerifier.builder();
        assertEquals("source docroot cannot be null", assertThrows(NullPointerException.class,
                () -> b.docroots(null, "/srv")).getMessage());
        assertEquals("target database cannot be null", assertThrows(NullPointerException.class,
                () -> b.databases(OLD, null)).getMessage());
        assertEquals("tablePrefix cannot be null", assertThrows(NullPointerException.class,
                () -> b.tablePrefix(null)).getMessage());
        assertThrows(NullPointerException.class, () -> b.stages(VerifyStage.FUNCTIONAL, (VerifyStage) null));
    }

    @Test
    void refusesBadValues() {
        var b = WordPressIntegrityVerifier.builder();
        assertThrows(IllegalArgumentException.class, () -> b.docroots("relative/path", "/srv"));
        assertThrows(IllegalArgumentException.class, () -> b.docroots("/var/www", "/"));
        assertThrows(IllegalArgumentException.class, () -> b.tablePrefix("wp`; DROP TABLE x; --"));
        assertThrows(IllegalArgumentException.class, () -> b.uploadsDir("../../etc"));
        assertThrows(IllegalArgumentException.class, () -> b.uploadsDir("/var/uploads"));
        assertThrows(IllegalArgumentException.class, () -> b.uploadsDir("wp-content/./uploads"));
        assertThrows(IllegalArgumentException.class, () -> b.expectedUrls("shop.example", "https://shop.example"));
        assertThrows(IllegalArgumentException.class, () -> b.requiredOptions(" "));
        assertThrows(IllegalArgumentException.class, () -> b.maxListedOrphans(0));
        assertThrows(IllegalArgumentException.class, () -> b.filesSyncer(""));
    }

    @Test
    void buildNeedsTheDocrootsAndTheDatabases() {
        IllegalStateException noDocroots = assertThrows(IllegalStateException.class,
                () -> WordPressIntegrityVerifier.builder().databases(OLD, NEW).build());
        assertTrue(noDocroots.getMessage().contains("docroots"), noDocroots.getMessage());
        IllegalStateException noDatabases = assertThrows(IllegalStateException.class,
                () -> WordPressIntegrityVerifier.builder().docroots("/a", "/b").build());
        assertTrue(noDatabases.getMessage().contains("databases"), noDatabases.getMessage());
    }

    @Test
    void neverShowsAPasswordInItsDescription() {
        String text = complete().build().toString();
        assertTrue(text.contains("127.0.0.3:3306/shop"), text);
        assertTrue(!text.contains("pw,") && !text.contains("pw]"), text);
    }
}
