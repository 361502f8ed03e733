package io.sitemove.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sitemove.Secret;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.VerifyStage;
import io.sitemove.sync.mysql.MySqlSyncer;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatabaseVerifierBuilderTest {
    private final DbEndpoint oldDb = new DbEndpoint("10.0.0.5", 3306, "shop", "migrate", Secret.of("a"));
    private final DbEndpoint newDb = new DbEndpoint("10.0.0.9", 3306, "shop", "migrate", Secret.of("b"));

    @Test
    void againstASyncerTakesItsEndpointsAndName() {
        MySqlSyncer syncer = MySqlSyncer.builder().name("shopdb").source(oldDb).target(newDb).lockSourceForFinal(false)
                .build();

        DatabaseVerifier v = DatabaseVerifier.builder().against(syncer).build();

        assertEquals(oldDb, v.source());
        assertEquals(newDb, v.target());
        assertEquals(Optional.of("shopdb"), v.syncer());
        assertEquals("database", v.name());
        assertEquals(Set.of(VerifyStage.FUNCTIONAL, VerifyStage.CUTOVER), v.stages());
    }

    @Test
    void fastIsTheDefaultAtTheCutoverOnly() {
        DatabaseVerifier v = DatabaseVerifier.builder().source(oldDb).target(newDb).build();
        DatabaseVerifier full = DatabaseVerifier.builder().source(oldDb).target(newDb).mode(DatabaseVerifier.Mode.FULL)
                .build();

        assertEquals(DatabaseVerifier.Mode.FULL, v.modeAt(VerifyStage.FUNCTIONAL));
        assertEquals(DatabaseVerifier.Mode.FAST, v.modeAt(VerifyStage.CUTOVER));
        assertEquals(DatabaseVerifier.Mode.FULL, full.modeAt(VerifyStage.CUTOVER));
    }

    @Test
    void badValuesAreRefused() {
        DatabaseVerifier.Builder b = DatabaseVerifier.builder();

        assertEquals("source cannot be null", assertThrows(NullPointerException.class, () -> b.source(null)).getMessage());
        assertEquals("syncer cannot be null", assertThrows(NullPointerException.class, () -> b.against(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.parallelism(0));
        assertThrows(IllegalArgumentException.class, () -> b.keysPerTable(0));
        assertThrows(IllegalArgumentException.class, () -> b.exclude(""));
        assertThrows(IllegalArgumentException.class, () -> b.stages());
        assertThrows(IllegalArgumentException.class, () -> b.name(" "));
        assertThrows(NullPointerException.class, () -> b.mode(null));
    }

    @Test
    void conflictsAreRefused() {
        MySqlSyncer syncer = MySqlSyncer.builder().source(oldDb).target(newDb).lockSourceForFinal(false).build();

        assertThrows(IllegalStateException.class, () -> DatabaseVerifier.builder().source(oldDb).against(syncer));
        assertThrows(IllegalStateException.class, () -> DatabaseVerifier.builder().against(syncer).target(newDb));
        assertThrows(IllegalStateException.class, () -> DatabaseVerifier.builder().source(oldDb).build());
        assertThrows(IllegalStateException.class, () -> DatabaseVerifier.builder().source(oldDb).target(oldDb).build());
    }
}
