package io.sitemove.sync.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Server;
import io.sitemove.remote.TestContext;
import io.sitemove.remote.TestServers;
import io.sitemove.spi.Direction;
import io.sitemove.spi.SyncMode;
import io.sitemove.testkit.FaultTest;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A table's deferred index build is bounded by the syncer's index-build timeout, not by the endpoint's
 * read-idle timeout (the build sends nothing until it is done), and says so when it runs out.
 */
@FaultTest
@WithTestkit(ssh = false, mariaDb = true, dns = false)
class MySqlIndexBuildTimeoutIT {
    private final MariaDb oldDb;
    private final MariaDb newDb;
    private final Server oldServer = TestServers.unused("old", "127.0.0.2");
    private final Server newServer = TestServers.unused("new", "127.0.0.3");

    MySqlIndexBuildTimeoutIT(Testkit kit) {
        oldDb = kit.oldDb();
        newDb = kit.newDb();
    }

    @Test
    void anIndexBuildLongerThanItsBoundFailsNamingTheTableAndTheBoundAndWithinTheDefaultTheCopyIsIdentical()
            throws Exception {
        oldDb.createDatabase("idx");
        try (Connection c = oldDb.connect("idx"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE big (id INT PRIMARY KEY, v VARCHAR(200), n BIGINT, KEY by_v (v), KEY by_n (n, v))");
            s.execute("INSERT INTO big SELECT seq, MD5(seq), seq * 7 FROM seq_1_to_300000");
        }
        Duration bound = Duration.ofMillis(50);

        long start = System.nanoTime();
        MigrationException e = assertThrows(MigrationException.class, () -> syncer().indexBuildTimeout(bound).build()
                .sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(e.getMessage().startsWith("the target database " + TestServers.endpoint(newDb, "idx").where()
                + " sent nothing for 50 ms while it built the secondary indexes of table `big`"), e.getMessage());
        assertTrue(e.getMessage().contains("raise indexBuildTimeout"), e.getMessage());
        assertTrue(e.isTransient(), e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(60)) < 0, "took " + took);

        syncer().build().sync(TestContext.sync(oldServer, newServer, SyncMode.FULL, Direction.FORWARD).resuming());

        try (Connection left = oldDb.connect("idx"); Connection right = newDb.connect("idx")) {
            assertEquals(DatabaseDigest.rows(left, "big"), DatabaseDigest.rows(right, "big"));
            assertEquals(DatabaseDigest.checksum(left, "big"), DatabaseDigest.checksum(right, "big"));
        }
    }

    private MySqlSyncer.Builder syncer() {
        return MySqlSyncer.builder().source(TestServers.endpoint(oldDb, "idx")).target(TestServers.endpoint(newDb, "idx"))
                .workers(1).lockSourceForFinal(false);
    }
}
