package io.sitemove.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.remote.TestServers;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The pass on a live database: another writer changes a row after the pass read it and before the pass writes it.
 * The writer holds its change uncommitted (so the pass reads the old value, and its update waits on the row's
 * lock), and commits only once the pass's update is seen running: it was sent after the pass's read, so the
 * interleaving is the same on every run.
 */
@WithTestkit(ssh = false, mariaDb = true, dns = false, web = false)
class DatabaseReplaceLiveIT {
    private static final String OLD = "https://old.example";
    private static final String NEW = "https://new.example";

    private static void given(Testkit kit, String database) throws Exception {
        kit.oldDb().createDatabase(database);
        try (Connection c = kit.oldDb().connect(database); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE wp_options (option_id BIGINT PRIMARY KEY, option_name VARCHAR(191),"
                    + " option_value LONGTEXT) ENGINE=InnoDB DEFAULT CHARSET utf8mb4 COLLATE utf8mb4_unicode_ci");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO wp_options VALUES (?, ?, ?)")) {
                for (int i = 1; i <= 6; i++) {
                    p.setInt(1, i);
                    p.setString(2, "link" + i);
                    p.setString(3, "Visit " + OLD + "/page" + i);
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
    }

    /** Runs the pass while {@code change} is held uncommitted on row 3; commits it once the pass waits on it. */
    private static ReplaceReport runWhileRowThreeChanges(Testkit kit, String database, String change, boolean retry)
            throws Exception {
        try (Connection writer = kit.oldDb().connect(database); Connection watcher = kit.oldDb().connect(database)) {
            writer.setAutoCommit(false);
            try (PreparedStatement p = writer.prepareStatement("UPDATE wp_options SET option_value = ? WHERE option_id = 3")) {
                p.setString(1, change);
                assertEquals(1, p.executeUpdate());
            }
            SearchReplace move = SearchReplace.builder().replace(OLD, NEW).build();
            DatabaseReplace pass = DatabaseReplace.builder(TestServers.endpoint(kit.oldDb(), database), move)
                    .tablePrefix("wp_").pageSize(4).retryChangedRows(retry).build();
            CompletableFuture<ReplaceReport> running = CompletableFuture.supplyAsync(pass::run);
            awaitTheUpdate(watcher, running);
            writer.commit();
            return running.get(60, TimeUnit.SECONDS);
        }
    }

    private static void awaitTheUpdate(Connection watcher, CompletableFuture<?> running) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline) && !running.isDone()) {
            try (Statement st = watcher.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                            + " WHERE ID <> CONNECTION_ID() AND INFO LIKE 'UPDATE `wp_options` SET%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("the pass never waited on the changed row" + (running.isDone() ? ": it finished first" : ""));
    }

    private static List<String> values(Testkit kit, String database) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = kit.oldDb().connect(database); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT option_value FROM wp_options ORDER BY option_id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static ReplaceReport.Table options(ReplaceReport report) {
        return report.tables().stream().filter(t -> t.table().equals("wp_options")).findFirst().orElseThrow();
    }

    @Test
    void aRowChangedBetweenReadAndWriteKeepsTheOtherWritersValueAndIsReported(Testkit kit) throws Exception {
        given(kit, "live_kept");

        ReplaceReport report = runWhileRowThreeChanges(kit, "live_kept", "written meanwhile", true);

        assertEquals(List.of("Visit " + NEW + "/page1", "Visit " + NEW + "/page2", "written meanwhile",
                "Visit " + NEW + "/page4", "Visit " + NEW + "/page5", "Visit " + NEW + "/page6"), values(kit, "live_kept"));
        ReplaceReport.Table t = options(report);
        assertEquals(1, t.changedMeanwhileCount());
        assertEquals(1, report.changedMeanwhile());
        assertEquals(List.of(new ReplaceReport.ChangedRow("wp_options", "option_id=3", List.of("option_value"),
                ReplaceReport.Resolution.REREAD_NOTHING_TO_REPLACE)), t.changedMeanwhile());
        assertEquals(new ReplaceReport.Column("option_value", 5, 5, 0), t.columns().get(1));
    }

    @Test
    void aRowChangedMeanwhileIsReadAgainAndItsNewContentReplacedIn(Testkit kit) throws Exception {
        given(kit, "live_retry");

        ReplaceReport report = runWhileRowThreeChanges(kit, "live_retry", "Now see " + OLD + "/moved", true);

        assertEquals("Now see " + NEW + "/moved", values(kit, "live_retry").get(2));
        assertEquals(6, values(kit, "live_retry").stream().filter(v -> v.contains(NEW)).count());
        ReplaceReport.Table t = options(report);
        assertEquals(List.of(new ReplaceReport.ChangedRow("wp_options", "option_id=3", List.of("option_value"),
                ReplaceReport.Resolution.REREAD_AND_REPLACED)), t.changedMeanwhile());
        assertEquals(new ReplaceReport.Column("option_value", 6, 6, 0), t.columns().get(1));
    }

    @Test
    void theGuardComparesBytesSoAChangeOfCaseAloneIsNotOverwritten(Testkit kit) throws Exception {
        given(kit, "live_case");
        String shouted = "VISIT " + OLD + "/page3";

        ReplaceReport report = runWhileRowThreeChanges(kit, "live_case", shouted, false);

        assertEquals(shouted, values(kit, "live_case").get(2));
        assertTrue(values(kit, "live_case").get(3).contains(NEW));
        assertEquals(List.of(new ReplaceReport.ChangedRow("wp_options", "option_id=3", List.of("option_value"),
                ReplaceReport.Resolution.LEFT_AS_CHANGED)), options(report).changedMeanwhile());
        assertEquals(5, options(report).columns().get(1).valuesChanged());
    }
}
