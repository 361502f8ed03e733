package io.sitemove.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.remote.TestServers;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = false, mariaDb = true, dns = false, web = false)
class DatabaseReplaceIT {
    private static final String OLD = "https://old.example";
    private static final String NEW = "https://www.new-shop.example.net";
    private static final String BROKEN = "a:1:{s:3:\"url\";s:99:\"" + OLD + "\";}";

    private static String s(String text) {
        return "s:" + text.getBytes(StandardCharsets.UTF_8).length + ":\"" + text + "\";";
    }

    private static void given(Testkit kit, String database) throws Exception {
        kit.oldDb().createDatabase(database);
        try (Connection c = kit.oldDb().connect(database); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE wp_postmeta (meta_id BIGINT PRIMARY KEY, meta_key VARCHAR(255), meta_value LONGTEXT)"
                    + " DEFAULT CHARSET utf8mb4");
            st.execute("CREATE TABLE wp_posts (ID BIGINT PRIMARY KEY, guid VARCHAR(255), post_content LONGTEXT) DEFAULT CHARSET utf8mb4");
            st.execute("CREATE TABLE wp_term_relationships (object_id BIGINT, term_taxonomy_id BIGINT, note TEXT,"
                    + " PRIMARY KEY (object_id, term_taxonomy_id)) DEFAULT CHARSET utf8mb4");
            st.execute("CREATE TABLE wp_log (line TEXT) DEFAULT CHARSET utf8mb4");
            st.execute("CREATE TABLE other_options (id INT PRIMARY KEY, v TEXT)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO wp_postmeta VALUES (?, ?, ?)")) {
                for (int i = 1; i <= 10; i++) {
                    p.setInt(1, i);
                    p.setString(2, OLD + "/key");
                    p.setString(3, i == 7 ? BROKEN : "a:2:{s:4:\"home\";" + s(OLD + "/p" + i + "/café") + "s:1:\"n\";i:" + i + ";}");
                    p.addBatch();
                }
                p.executeBatch();
            }
            st.execute("INSERT INTO wp_posts VALUES (1, '" + OLD + "/?p=1', 'See " + OLD + "/a and " + OLD + "/b'),"
                    + " (2, '" + OLD + "/?p=2', 'nothing here')");
            for (int o = 1; o <= 3; o++) {
                for (int t = 1; t <= 3; t++) {
                    st.execute("INSERT INTO wp_term_relationships VALUES (" + o + ", " + t + ", '" + OLD + "/t')");
                }
            }
            st.execute("INSERT INTO wp_log VALUES ('" + OLD + "')");
            st.execute("INSERT INTO other_options VALUES (1, '" + OLD + "')");
        }
    }

    private static DatabaseReplace pass(Testkit kit, String database, boolean dryRun) {
        SearchReplace move = SearchReplace.builder().replace(OLD, NEW).skipColumns("guid").build();
        return DatabaseReplace.builder(TestServers.endpoint(kit.oldDb(), database), move)
                .tablePrefix("wp_").pageSize(3).dryRun(dryRun).build();
    }

    private static List<String> column(Testkit kit, String database, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = kit.oldDb().connect(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static ReplaceReport.Table table(ReplaceReport r, String name) {
        return r.tables().stream().filter(t -> t.table().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aDryRunCountsPerTableAndColumnAndChangesNothing(Testkit kit) throws Exception {
        given(kit, "replace_dry");
        List<String> before = column(kit, "replace_dry", "SELECT meta_value FROM wp_postmeta ORDER BY meta_id");

        ReplaceReport report = pass(kit, "replace_dry", true).run();

        assertTrue(report.dryRun());
        assertEquals(before, column(kit, "replace_dry", "SELECT meta_value FROM wp_postmeta ORDER BY meta_id"));
        assertEquals(List.of("1"), column(kit, "replace_dry", "SELECT COUNT(*) FROM wp_posts WHERE post_content LIKE '%old.example%' AND ID = 1"));
        ReplaceReport.Table meta = table(report, "wp_postmeta");
        assertEquals(10, meta.rowsRead());
        assertEquals(List.of(new ReplaceReport.Column("meta_key", 10, 10, 0), new ReplaceReport.Column("meta_value", 9, 9, 1)),
                meta.columns());
        assertEquals(List.of(new ReplaceReport.Column("post_content", 1, 2, 0)), table(report, "wp_posts").columns());
        assertEquals(9, table(report, "wp_term_relationships").rowsRead());
        assertEquals(9, table(report, "wp_term_relationships").columns().get(0).valuesChanged());
        assertEquals(List.of("wp_log", "wp_postmeta", "wp_posts", "wp_term_relationships"),
                report.tables().stream().map(ReplaceReport.Table::table).toList());
    }

    @Test
    void replacesEveryValueSafelyReportsTheBrokenOneAndSkipsAsAsked(Testkit kit) throws Exception {
        given(kit, "replace_run");

        ReplaceReport report = pass(kit, "replace_run", false).run();

        assertFalse(report.dryRun());
        String db = "replace_run";
        assertEquals(List.of("1"), column(kit, db, "SELECT COUNT(*) FROM wp_postmeta WHERE meta_value LIKE '%old.example%'"));
        assertEquals(List.of("0"), column(kit, db, "SELECT COUNT(*) FROM wp_postmeta WHERE meta_key LIKE '%old.example%'"));
        assertEquals(List.of(BROKEN), column(kit, db, "SELECT meta_value FROM wp_postmeta WHERE meta_id = 7"));
        for (String v : column(kit, db, "SELECT meta_value FROM wp_postmeta WHERE meta_id <> 7 ORDER BY meta_id")) {
            assertTrue(v.contains(NEW), v);
            assertEquals(v, new String(PhpJudge.reserialize(v.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8));
        }
        assertEquals(List.of("See " + NEW + "/a and " + NEW + "/b", "nothing here"),
                column(kit, db, "SELECT post_content FROM wp_posts ORDER BY ID"));
        assertEquals(List.of(OLD + "/?p=1", OLD + "/?p=2"), column(kit, db, "SELECT guid FROM wp_posts ORDER BY ID"));
        assertEquals(List.of("9"), column(kit, db, "SELECT COUNT(*) FROM wp_term_relationships WHERE note = '" + NEW + "/t'"));
        assertEquals(List.of(OLD), column(kit, db, "SELECT line FROM wp_log"));
        assertEquals(List.of(OLD), column(kit, db, "SELECT v FROM other_options"));
        ReplaceReport.Table meta = table(report, "wp_postmeta");
        assertEquals(1, meta.skippedCount());
        ReplaceReport.SkippedValue skipped = meta.skipped().get(0);
        assertEquals("wp_postmeta", skipped.table());
        assertEquals("meta_value", skipped.column());
        assertEquals("meta_id=7", skipped.key());
        assertTrue(skipped.reason().contains("does not parse"), skipped.reason());
        assertTrue(table(report, "wp_log").skipReason().contains("no primary key"));
    }
}
