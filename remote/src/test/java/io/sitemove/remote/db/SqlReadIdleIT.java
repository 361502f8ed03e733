package io.sitemove.remote.db;

import io.sitemove.testkit.FaultTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Secret;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The read-idle bound is about silence on the socket: a statement that stays silent longer fails, in time. */
@WithTestkit(ssh = false, mariaDb = true, dns = false)
@FaultTest
class SqlReadIdleIT {

    @Test
    void aStatementSilentLongerThanTheReadIdleBoundFailsWithinItNamingTheWait(Testkit kit) throws SQLException {
        DbEndpoint endpoint = endpoint(kit.oldDb()).withReadIdleTimeout(Duration.ofSeconds(1));
        try (Connection c = Sql.open(endpoint, false)) {
            long start = System.nanoTime();
            SQLException silent = assertThrows(SQLException.class, () -> Sql.single(c, "SELECT SLEEP(20)"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            MigrationException e = Sql.failure("read the clock", endpoint, null, silent);

            assertTrue(took.compareTo(Duration.ofSeconds(1).plusSeconds(4)) < 0, "took " + took);
            assertTrue(took.compareTo(Duration.ofMillis(900)) > 0, "waited the bound, not less: " + took);
            assertTrue(e.getMessage().startsWith("could not read the clock on " + endpoint.where()
                    + ": the server sent nothing for 1 s (the endpoint's read-idle timeout)"), e.getMessage());
            assertTrue(e.isTransient());
        }
    }

    @Test
    void aStatementThatAnswersWithinTheBoundIsNotCut(Testkit kit) throws SQLException {
        DbEndpoint endpoint = endpoint(kit.oldDb()).withReadIdleTimeout(Duration.ofSeconds(3));
        try (Connection c = Sql.open(endpoint, false)) {
            assertEquals("0", Sql.single(c, "SELECT SLEEP(1)"));
            assertEquals("0", Sql.single(c, "SELECT SLEEP(1)"), "the same connection goes on");
        }
    }

    private static DbEndpoint endpoint(MariaDb db) {
        return new DbEndpoint(db.host(), db.port(), "mysql", db.user(), Secret.of(db.password()));
    }
}
