package io.sitemove.remote.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.MigrationException;
import io.sitemove.Secret;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** How SQL failures are reported: a refused login is typed, dropped connections are transient. */
class SqlTest {
    private static final String PASSWORD = "s3cr3t-pw";
    private final DbEndpoint endpoint = new DbEndpoint("db.example", 3306, "shop", "migrate", Secret.of(PASSWORD));

    @Test
    void aRefusedLoginIsADatabaseAuthExceptionWithWhereAndWhoButNoPassword() {
        SQLException denied = new SQLException("Access denied for user 'migrate'@'10.0.0.1' (using password: YES)",
                "28000", 1045);

        MigrationException e = Sql.failure("connect", endpoint, null, denied);

        DatabaseAuthException auth = assertInstanceOf(DatabaseAuthException.class, e);
        assertEquals("db.example:3306/shop", auth.where());
        assertEquals("migrate", auth.user());
        assertSame(denied, auth.getCause());
        assertFalse(auth.isTransient());
        assertTrue(auth.getMessage().startsWith("could not connect on db.example:3306/shop: the server refused the login"
                + " of user 'migrate'"), auth.getMessage());
        assertFalse(auth.getMessage().contains(PASSWORD), auth.getMessage());
    }

    @Test
    void errorCode1045AloneIsARefusedLoginToo() {
        assertInstanceOf(DatabaseAuthException.class,
                Sql.failure("connect", endpoint, null, new SQLException("Access denied", "HY000", 1045)));
    }

    @Test
    void aDroppedConnectionIsTransientAndNamesTheTable() {
        MigrationException e = Sql.failure("read rows", endpoint, "wp_posts",
                new SQLTransientConnectionException("Communications link failure", "08S01", 0));

        assertFalse(e instanceof DatabaseAuthException);
        assertTrue(e.isTransient());
        assertTrue(e.getMessage().startsWith("could not read rows on db.example:3306/shop, table `wp_posts`"),
                e.getMessage());
    }

    @Test
    void anotherFailureIsPermanent() {
        MigrationException e = Sql.failure("read rows", endpoint, null, new SQLException("Table doesn't exist", "42S02", 1146));

        assertFalse(e.isTransient());
        assertFalse(e instanceof DatabaseAuthException);
    }
}
