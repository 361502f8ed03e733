package io.sitemove.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.spi.Finding.Severity;
import io.sitemove.spi.VerifyStage;
import io.sitemove.sync.mysql.MySqlSyncer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaVerifierBuilderTest {
    private static final DbEndpoint OLD = new DbEndpoint("10.0.0.5", 3306, "shop", "migrate", Secret.of("o"));
    private static final DbEndpoint NEW = new DbEndpoint("10.0.0.9", 3306, "shop", "migrate", Secret.of("n"));

    @Test
    void defaultsAreNamedSchemaAndRunAtEveryStage() {
        SchemaVerifier v = SchemaVerifier.builder().source(OLD).target(NEW).build();

        assertEquals("schema", v.name());
        assertEquals(EnumSet.allOf(VerifyStage.class), v.stages());
        assertEquals("SchemaVerifier[schema: 10.0.0.5:3306/shop -> 10.0.0.9:3306/shop]", v.toString());
    }

    @Test
    void theSyncersDatabasesAreTaken() {
        MySqlSyncer syncer = MySqlSyncer.builder().source(OLD).target(NEW).lockSourceForFinal(false).build();

        SchemaVerifier v = SchemaVerifier.builder().against(syncer).name("db-schema").stages(VerifyStage.FUNCTIONAL)
                .rule("definer", Severity.INFO).excludeTables("cache_*").build();

        assertEquals("db-schema", v.name());
        assertEquals(Set.of(VerifyStage.FUNCTIONAL), v.stages());
        assertTrue(v.toString().contains("10.0.0.5:3306/shop -> 10.0.0.9:3306/shop, excluding [cache_*], rules {definer=INFO}"),
                v.toString());
    }

    @Test
    void nullsAreRefusedNamingWhat() {
        SchemaVerifier.Builder b = SchemaVerifier.builder();

        assertEquals("source cannot be null", assertThrows(NullPointerException.class, () -> b.source(null)).getMessage());
        assertEquals("target cannot be null", assertThrows(NullPointerException.class, () -> b.target(null)).getMessage());
        assertEquals("syncer cannot be null", assertThrows(NullPointerException.class, () -> b.against(null)).getMessage());
        assertEquals("name cannot be null", assertThrows(NullPointerException.class, () -> b.name(null)).getMessage());
        assertEquals("check cannot be null", assertThrows(NullPointerException.class, () -> b.rule(null, Severity.INFO)).getMessage());
        assertEquals("severity cannot be null", assertThrows(NullPointerException.class, () -> b.rule("index", null)).getMessage());
        assertEquals("table cannot be null", assertThrows(NullPointerException.class,
                () -> b.excludeTables("a", null)).getMessage());
        assertEquals("queryTimeout cannot be null", assertThrows(NullPointerException.class, () -> b.queryTimeout(null)).getMessage());
    }

    @Test
    void badValuesAreRefused() {
        SchemaVerifier.Builder b = SchemaVerifier.builder();

        assertThrows(IllegalArgumentException.class, () -> b.name(" "));
        assertThrows(IllegalArgumentException.class, () -> b.stages());
        assertThrows(IllegalArgumentException.class, () -> b.excludeTables(""));
        assertThrows(IllegalArgumentException.class, () -> b.queryTimeout(Duration.ofMillis(500)));
        assertThrows(IllegalArgumentException.class, () -> b.queryTimeout(Duration.ofHours(2)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.rule("collations", Severity.INFO)).getMessage()
                .contains("its checks are table, column, column-type"));
    }

    @Test
    void conflictsAreRefused() {
        MySqlSyncer syncer = MySqlSyncer.builder().source(OLD).target(NEW).lockSourceForFinal(false).build();

        assertThrows(IllegalStateException.class, () -> SchemaVerifier.builder().source(OLD).against(syncer));
        assertThrows(IllegalStateException.class, () -> SchemaVerifier.builder().against(syncer).target(NEW));
        assertTrue(assertThrows(IllegalStateException.class, () -> SchemaVerifier.builder().source(OLD).build())
                .getMessage().contains("needs source(...) and target(...)"));
        assertTrue(assertThrows(IllegalStateException.class, () -> SchemaVerifier.builder().source(OLD).target(OLD).build())
                .getMessage().contains("the same database 10.0.0.5:3306/shop"));
    }
}
