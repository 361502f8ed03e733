package io.sitemove.sync.mysql.internal.checksum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.sitemove.sync.mysql.internal.copy.SecondaryIndexes;
import io.sitemove.sync.mysql.internal.copy.TableJob;
import io.sitemove.sync.mysql.internal.copy.Chunk;
import io.sitemove.sync.mysql.internal.TableInfo;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The range hash, run by a real server, tells apart the rows a weaker checksum confuses. */
@WithTestkit(ssh = false, mariaDb = true, dns = false)
class RangeHashIT {
    private static final String COLUMNS = "(id INT PRIMARY KEY, a VARCHAR(10) NULL, b VARCHAR(10) NULL, t TEXT NULL,"
            + " bl BLOB NULL, f FLOAT NULL, bt BIT(8) NULL, dt DATETIME(6) NULL, g INT AS (id * 2) VIRTUAL)"
            + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    private static final String INSERT = " (id, a, b, t, bl, f, bt, dt) VALUES ";

    private final MariaDb db;

    RangeHashIT(Testkit kit) {
        db = kit.oldDb();
    }

    @Test
    void equalRowsHashEqualAndEveryConfusableChangeHashesDifferently() throws Exception {
        db.createDatabase("hashes");
        try (Connection c = db.connect("hashes"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE l " + COLUMNS);
            s.execute("CREATE TABLE r " + COLUMNS);
            pair(s, "(1, 'same', NULL, 'x', x'00ff', 0.5, b'1', '2024-01-01 00:00:00.5')",
                    "(1, 'same', NULL, 'x', x'00ff', 0.5, b'1', '2024-01-01 00:00:00.5')");
            pair(s, "(2, NULL, NULL, NULL, NULL, NULL, NULL, NULL)", "(2, '', NULL, NULL, NULL, NULL, NULL, NULL)");
            pair(s, "(3, '', NULL, NULL, NULL, NULL, NULL, NULL)", "(3, 'NULL', NULL, NULL, NULL, NULL, NULL, NULL)");
            pair(s, "(4, NULL, NULL, NULL, NULL, NULL, NULL, NULL)", "(4, 'NULL', NULL, NULL, NULL, NULL, NULL, NULL)");
            pair(s, "(5, 'ab', 'c', NULL, NULL, NULL, NULL, NULL)", "(5, 'a', 'bc', NULL, NULL, NULL, NULL, NULL)");
            pair(s, "(6, 'x', NULL, NULL, NULL, NULL, NULL, NULL)", "(6, NULL, 'x', NULL, NULL, NULL, NULL, NULL)");
            pair(s, "(7, NULL, NULL, NULL, NULL, NULL, NULL, NULL)", "(7, NULL, NULL, '', NULL, NULL, NULL, NULL)");
            pair(s, "(8, NULL, NULL, 'v', NULL, NULL, NULL, NULL)", "(8, NULL, NULL, NULL, 'v', NULL, NULL, NULL)");
            pair(s, "(9, NULL, NULL, NULL, NULL, 1e0 + POW(2, -23), NULL, NULL)",
                    "(9, NULL, NULL, NULL, NULL, 1e0 + POW(2, -22), NULL, NULL)");
            pair(s, "(10, NULL, NULL, NULL, NULL, NULL, b'00000001', NULL)",
                    "(10, NULL, NULL, NULL, NULL, NULL, b'00000010', NULL)");
            pair(s, "(11, NULL, NULL, NULL, NULL, NULL, NULL, '2024-01-01 00:00:00.000001')",
                    "(11, NULL, NULL, NULL, NULL, NULL, NULL, '2024-01-01 00:00:00.000002')");
            pair(s, "(12, 'a:', '1:b', NULL, NULL, NULL, NULL, NULL)", "(12, 'a', ':1:b', NULL, NULL, NULL, NULL, NULL)");
            pair(s, "(20, 'A', '1', NULL, NULL, NULL, NULL, NULL), (21, 'B', '2', NULL, NULL, NULL, NULL, NULL)",
                    "(20, 'B', '2', NULL, NULL, NULL, NULL, NULL), (21, 'A', '1', NULL, NULL, NULL, NULL, NULL)");
            s.execute("SET SESSION time_zone = '+00:00'");

            assertArrayEquals(hash(c, "l", 1, 2), hash(c, "r", 1, 2), "the same row hashes the same");
            assertEquals("1", hash(c, "l", 1, 2)[0]);
            assertNotNull(hash(c, "l", 1, 2)[1]);
            assertArrayEquals(new String[] {"0", null}, hash(c, "l", 13, 20), "an empty range");
            for (int id : new int[] {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}) {
                assertNotEquals(hash(c, "l", id, id + 1)[1], hash(c, "r", id, id + 1)[1], "row " + id);
            }
            assertEquals(hash(c, "l", 20, 22)[0], hash(c, "r", 20, 22)[0]);
            assertNotEquals(hash(c, "l", 20, 22)[1], hash(c, "r", 20, 22)[1], "values swapped between two rows");
            try (ResultSet rs = s.executeQuery("CHECKSUM TABLE l, r")) {
                rs.next();
                String left = rs.getString(2);
                rs.next();
                assertNotEquals(left, rs.getString(2), "CHECKSUM TABLE sees the tables differ too");
            }
        }
    }

    private static void pair(Statement s, String left, String right) throws SQLException {
        s.execute("INSERT INTO l" + INSERT + left);
        s.execute("INSERT INTO r" + INSERT + right);
    }

    private static String[] hash(Connection c, String table, long from, long to) throws SQLException {
        TableInfo info = TableInfo.read(c, "hashes", table);
        TableJob job = new TableJob(List.of("id", "a", "b", "t", "bl", "f", "bt", "dt"), "", info, true,
                SecondaryIndexes.none(), 0);
        Chunk range = new Chunk(job, from, to);
        try (PreparedStatement ps = c.prepareStatement(RangeSql.hash(range, info.columns()))) {
            RangeSql.bind(ps, range);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }
}
