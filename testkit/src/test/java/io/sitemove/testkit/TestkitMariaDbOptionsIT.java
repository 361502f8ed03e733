package io.sitemove.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestkitMariaDbOptionsIT {

    @Test
    void bothServersStartWithTheExtraOptionsWhichWinOverTheTestkitsOwn(@TempDir Path dir) throws Exception {
        try (Testkit kit = Testkit.builder(dir).mariaDb("--max-connections=77", "--innodb-buffer-pool-size=96M")
                .start()) {
            for (MariaDb db : List.of(kit.oldDb(), kit.newDb())) {
                try (Connection c = db.connect(""); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT @@max_connections, @@innodb_buffer_pool_size")) {
                    rs.next();
                    assertEquals(77, rs.getInt(1), db.name());
                    assertEquals(96L * 1024 * 1024, rs.getLong(2), db.name());
                }
            }
        }
    }
}
