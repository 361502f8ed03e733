package io.sitemove.sync.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sitemove.Secret;
import io.sitemove.remote.db.DbEndpoint;
import org.junit.jupiter.api.Test;

class MySqlSyncerBuilderTest {
    private final DbEndpoint endpoint = new DbEndpoint("db.example", 3306, "shop", "migrate", Secret.of("s3cr3t-pw"));

    @Test
    void builderRefusesTheSameDatabaseOnBothSides() {
        assertThrows(IllegalStateException.class, () -> MySqlSyncer.builder().source(endpoint).target(endpoint).build());
        assertThrows(IllegalStateException.class, () -> MySqlSyncer.builder().source(endpoint).build());
        assertEquals(java.util.Set.of("mysql:other:3306/shop"), MySqlSyncer.builder().source(endpoint)
                .target(new DbEndpoint("other", 3306, "shop", "u", Secret.of(""))).build().writes());
    }
}
