package io.sitemove.remote.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Logins against the testkit's real MariaDB: a wrong password is a typed refusal that never shows it. */
@WithTestkit(ssh = false, mariaDb = true, dns = false)
class SqlIT {
    private static final String WRONG = "not-the-password-7Qx";

    @Test
    void aWrongPasswordIsADatabaseAuthException(Testkit kit) {
        MariaDb db = kit.oldDb();
        DbEndpoint endpoint = new DbEndpoint(db.host(), db.port(), "mysql", db.user(), Secret.of(WRONG));

        DatabaseAuthException e = assertThrows(DatabaseAuthException.class, () -> Sql.open(endpoint, false));

        assertEquals(endpoint.where(), e.where());
        assertTrue(e.getMessage().startsWith("could not connect as " + db.user() + " on " + endpoint.where()), e.getMessage());
        assertEquals(db.user(), e.user());
        assertFalse(e.isTransient());
        assertFalse(e.getMessage().contains(WRONG), e.getMessage());
        assertFalse(e.getMessage().contains(db.password()), e.getMessage());
    }

    @Test
    void theRightPasswordOpens(Testkit kit) throws SQLException {
        MariaDb db = kit.oldDb();
        try (Connection c = Sql.open(new DbEndpoint(db.host(), db.port(), "mysql", db.user(), Secret.of(db.password())),
                false)) {
            assertTrue(c.isValid(5));
        }
    }
}
