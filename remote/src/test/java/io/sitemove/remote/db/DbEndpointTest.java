package io.sitemove.remote.db;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DbEndpointTest {
    private final DbEndpoint endpoint = new DbEndpoint("db.example", 3306, "shop", "migrate", Secret.of("s3cr3t-pw"));

    @Test
    void jdbcUrlNamesHostPortAndDatabaseButNeverThePassword() {
        assertTrue(endpoint.jdbcUrl().startsWith("jdbc:mysql://db.example:3306/shop?"));
        assertTrue(endpoint.jdbcUrl().contains("allowLoadLocalInfile=false"));
        assertFalse(endpoint.jdbcUrl().contains("s3cr3t-pw"));
        assertFalse(endpoint.toString().contains("s3cr3t-pw"));
        assertEquals("db.example:3306/shop", endpoint.where());
    }

    @Test
    void refusesNamesThatCouldBendTheUrl() {
        Secret pw = Secret.of("");
        assertThrows(IllegalArgumentException.class, () -> new DbEndpoint("h/evil?x=1", 3306, "shop", "u", pw));
        assertThrows(IllegalArgumentException.class, () -> new DbEndpoint("host", 3306, "shop?allowLoadLocalInfile=true", "u", pw));
        assertThrows(IllegalArgumentException.class, () -> new DbEndpoint("host", 0, "shop", "u", pw));
        assertThrows(IllegalArgumentException.class, () -> new DbEndpoint("host", 3306, "", "u", pw));
        assertThrows(NullPointerException.class, () -> new DbEndpoint("host", 3306, "shop", "u", null));
        new DbEndpoint("[::1]", 3306, "wp_shop-2", "u", pw);
    }

    @Test
    void everyWaitIsBoundedByDefaultAndTheBoundsReachTheUrl() {
        assertEquals(Duration.ofSeconds(10), endpoint.connectTimeout());
        assertEquals(Duration.ofMinutes(10), endpoint.readIdleTimeout());
        assertTrue(endpoint.jdbcUrl().contains("&connectTimeout=10000&socketTimeout=600000"), endpoint.jdbcUrl());

        DbEndpoint tuned = endpoint.withConnectTimeout(Duration.ofSeconds(3)).withReadIdleTimeout(Duration.ofHours(1));

        assertTrue(tuned.serverJdbcUrl().contains("&connectTimeout=3000&socketTimeout=3600000"), tuned.serverJdbcUrl());
        assertEquals(endpoint.where(), tuned.where());
        assertEquals(Duration.ofSeconds(10), endpoint.connectTimeout(), "the original is unchanged");
    }

    @Test
    void aBoundThatIsMissingZeroOrBeyondADayIsRefused() {
        NullPointerException missing = assertThrows(NullPointerException.class, () -> endpoint.withConnectTimeout(null));
        assertThrows(IllegalArgumentException.class, () -> endpoint.withConnectTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> endpoint.withReadIdleTimeout(Duration.ofDays(2)));
        assertEquals("connectTimeout cannot be null", missing.getMessage());
    }
}
