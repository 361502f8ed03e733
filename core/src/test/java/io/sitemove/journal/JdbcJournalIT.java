package io.sitemove.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.sitemove.spi.JournalEntry;
import io.sitemove.testkit.MariaDb;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = false, mariaDb = true, dns = false)
class JdbcJournalIT {
    static DataSource panel;

    @BeforeAll
    static void createPanelSchema(Testkit kit) throws Exception {
        MariaDb db = kit.newDb();
        db.createDatabase("panel");
        MysqlDataSource ds = new MysqlDataSource();
        ds.setUrl(db.jdbcUrl("panel"));
        ds.setUser(db.user());
        ds.setPassword(db.password());
        panel = ds;
    }

    @Test
    void readsBackWhatWasAppendedExactly() {
        JdbcJournal journal = new JdbcJournal(panel, "sitemove_journal");
        JournalEntry a = DirectoryJournalTest.entry(1, Map.of("cursor", "mysql-bin.000003:4711", "emoji", "✓ 🚀 \"q\""));
        JournalEntry b = DirectoryJournalTest.entry(2, Map.of());
        journal.append("shop", a);
        journal.append("shop", b);

        assertEquals(List.of(a, b), new JdbcJournal(panel, "sitemove_journal").read("shop"));
        assertEquals(List.of(), journal.read("other"));
    }

    @Test
    void aSecondWriterOfTheSameEntryIsRefused() {
        JdbcJournal one = new JdbcJournal(panel, "journal_two_writers");
        JdbcJournal two = new JdbcJournal(panel, "journal_two_writers");
        one.append("shop", DirectoryJournalTest.entry(1, Map.of()));

        JournalException e = assertThrows(JournalException.class, () -> two.append("shop", DirectoryJournalTest.entry(1, Map.of())));

        assertTrue(e.getMessage().contains("another process"), e.getMessage());
        assertEquals(1, one.read("shop").size());
    }

    @Test
    void refusesATableNameThatIsNotPlain() {
        assertThrows(IllegalArgumentException.class, () -> new JdbcJournal(panel, "journal`; DROP TABLE x; --"));
    }
}
