package io.sitemove.sync.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.remote.db.DbEndpoint;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MySqlSyncerBuilderTest {
    @Test
    void anIndexBuildTimeoutMustBeAPositiveBoundAJdbcSocketCanHold() {
        MySqlSyncer.Builder b = MySqlSyncer.builder();
        assertThrows(NullPointerException.class, () -> b.indexBuildTimeout(null));
        assertThrows(IllegalArgumentException.class, () -> b.indexBuildTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.indexBuildTimeout(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> b.indexBuildTimeout(Duration.ofDays(25)));
        assertEquals(Duration.ofHours(6), MySqlSyncer.DEFAULT_INDEX_BUILD_TIMEOUT);
    }

    private final DbEndpoint endpoint = new DbEndpoint("db.example", 3306, "shop", "migrate", Secret.of("s3cr3t-pw"));
    private final DbEndpoint other = new DbEndpoint("other", 3306, "shop", "u", Secret.of(""));

    @Test
    void builderRefusesTheSameDatabaseOnBothSides() {
        IllegalStateException same = assertThrows(IllegalStateException.class,
                () -> MySqlSyncer.builder().source(endpoint).target(endpoint).lockSourceForFinal(false).build());
        assertTrue(same.getMessage().contains("the same database"), same.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> MySqlSyncer.builder().source(endpoint).lockSourceForFinal(false).build());
        assertTrue(missing.getMessage().contains("target(...)"), missing.getMessage());
        assertEquals(Set.of("mysql:other:3306/shop"), MySqlSyncer.builder().source(endpoint).target(other)
                .lockSourceForFinal(false).build().writes());
    }

    @Test
    void aSyncerWhoseFinalSyncWouldLeaveTheSourceWritableIsRefusedUnlessThatIsSaid() {
        IllegalStateException unlocked = assertThrows(IllegalStateException.class,
                () -> MySqlSyncer.builder().name("shop-db").source(endpoint).target(other).build());

        assertTrue(unlocked.getMessage().contains("shop-db") && unlocked.getMessage().contains(endpoint.where()),
                unlocked.getMessage());
        assertTrue(unlocked.getMessage().contains("applicationUser(")
                && unlocked.getMessage().contains("lockSourceForFinal(false)"), unlocked.getMessage());
        assertThrows(IllegalStateException.class,
                () -> MySqlSyncer.builder().source(endpoint).target(other).lockSourceForFinal(true).build());
        assertEquals("shop-db", MySqlSyncer.builder().name("shop-db").source(endpoint).target(other)
                .applicationUser("wp@%").build().name());
        assertEquals("db", MySqlSyncer.builder().source(endpoint).target(other).lockSourceForFinal(false).build()
                .name());
    }
}
