package io.sitemove.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Migration;
import io.sitemove.MigrationPlan;
import io.sitemove.MigrationStatus.State;
import io.sitemove.Phase;
import io.sitemove.event.MigrationListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rollback after a completed cutover: what visitors wrote on the new server comes back to the old
 * one, and DNS is exactly as it was before the migration (values and TTLs, byte for byte in dig's answer).
 */
class RollbackIT {
    @RegisterExtension
    static final DemoServers demo = new DemoServers();

    @Test
    void rollbackBringsBackWhatWasWrittenAfterTheCutoverAndRestoresDnsExactly() throws Exception {
        String dnsBefore = digAnswers();
        MigrationPlan plan = Plans.withoutTtlWait(MigrateOneSite.plan(demo.settings(), demo.work().resolve("journal"),
                new MigrationListener() { }));
        Migration m = Migration.open(plan);
        MigrateOneSite.throughMoratorium(m, 1, () -> { });
        m.cutover();
        assertNotEquals(dnsBefore, digAnswers(), "the cutover moved DNS");

        Path upload = demo.kit().newSsh().root().resolve("wp-content/uploads/order-after-cutover.txt");
        Files.writeString(upload, "order 4711 paid", StandardCharsets.UTF_8);
        try (Connection c = demo.kit().newDb().connect(Demo.DATABASE); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO wp_posts (post_author, post_date, post_content, post_title, post_status, post_name, post_type, post_modified)"
                    + " VALUES (1, NOW(), 'order 4711', 'Order 4711', 'wc-processing', 'order-4711', 'shop_order', NOW())");
        }

        assertEquals(State.ROLLED_BACK, m.rollback().state());

        assertEquals(dnsBefore, digAnswers(), "records and TTLs exactly as before the migration");
        assertEquals("order 4711 paid", Files.readString(demo.kit().oldSsh().root().resolve("wp-content/uploads/order-after-cutover.txt")));
        try (Connection c = demo.kit().oldDb().connect(Demo.DATABASE); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM wp_posts WHERE post_name = 'order-4711'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the order taken on the new server is on the old one");
        }
        assertFalse(Files.exists(demo.kit().oldSsh().root().resolve(".maintenance")), "the old site serves again");
        assertTrue(Files.exists(demo.kit().newSsh().root().resolve(".maintenance")), "the new site stays read-only");
        assertEquals("127.0.0.2", IndependentCheck.digA(demo.kit().dns().host(), demo.kit().dns().port(), Demo.SITE_NAME));
    }

    static String digAnswers() throws Exception {
        StringBuilder out = new StringBuilder();
        for (String name : new String[] {Demo.SITE_NAME, "www." + Demo.SITE_NAME}) {
            Process p = new ProcessBuilder("dig", "+noall", "+answer", "+norec", "@" + demo.kit().dns().host(), "-p",
                    Integer.toString(demo.kit().dns().port()), name, "A").redirectErrorStream(true).start();
            out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(0, p.waitFor());
        }
        return out.toString();
    }
}
