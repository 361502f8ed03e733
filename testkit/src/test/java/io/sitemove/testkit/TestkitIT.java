package io.sitemove.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@WithTestkit(web = true)
class TestkitIT {

    private final Testkit testkit;

    TestkitIT(Testkit testkit) {
        this.testkit = testkit;
    }

    @Test
    void theClientKeyLogsInToBothSshServersWhoseHostKeysAreKnown() throws IOException {
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(testkit.clientKey()));
        for (SshServer server : List.of(testkit.oldSsh(), testkit.newSsh())) {
            Commands.Result login = Commands.execute(List.of("ssh", "-F", "/dev/null", "-i",
                    testkit.clientKey().toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                    "-o", "UserKnownHostsFile=" + testkit.knownHosts(), "-o", "StrictHostKeyChecking=yes",
                    "-p", Integer.toString(server.port()), server.user() + "@" + server.host(),
                    "echo", "hello-from-" + server.name()), "", Duration.ofSeconds(20));

            assertEquals(0, login.exitCode(), login.output());
            assertTrue(login.output().contains("hello-from-" + server.name()), login.output());
            assertTrue(Files.isDirectory(server.root()));
        }
    }

    @Test
    void knownHostsPinsBothHostKeysByAddressAndPort() throws IOException {
        List<String> lines = Files.readAllLines(testkit.knownHosts());

        assertEquals(List.of(
                "[127.0.0.2]:" + testkit.oldSsh().port() + " " + testkit.oldSsh().hostKeyLine(),
                "[127.0.0.3]:" + testkit.newSsh().port() + " " + testkit.newSsh().hostKeyLine()), lines);
        assertTrue(testkit.oldSsh().hostKeyLine().startsWith("ssh-ed25519 AAAA"));
    }

    @Test
    void bothMariaDbsAcceptJdbcAndOnlyTheOldLogsRowBinlogs() throws SQLException {
        assertEquals(List.of("1", "ROW", "FULL"),
                query(testkit.oldDb(), "SELECT @@log_bin, @@binlog_format, @@binlog_row_image"));
        assertEquals(List.of("0"), query(testkit.newDb(), "SELECT @@log_bin"));
        assertEquals(List.of("127.0.0.3"), query(testkit.newDb(), "SELECT @@bind_address"));
    }

    @Test
    void createdDatabasesKeepEmoji() throws SQLException {
        testkit.newDb().createDatabase("emoji-db");
        try (Connection connection = testkit.newDb().connect("emoji-db");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id int PRIMARY KEY, v text)");
            statement.execute("INSERT INTO t VALUES (1, 'café 🚀')");
            try (ResultSet rows = statement.executeQuery("SELECT v FROM t")) {
                rows.next();
                assertEquals("café 🚀", rows.getString(1));
            }
        }
    }

    @Test
    void digReadsTheSiteRecord() {
        assertEquals("127.0.0.2", dig("site.example.test", "A"));
        assertEquals("127.0.0.2", dig("www.site.example.test", "A"));
    }

    @Test
    void nsupdateWithTheTsigKeyChangesARecord() {
        DnsServer dns = testkit.dns();
        String update = String.join("\n",
                "server " + dns.host() + " " + dns.port(),
                "zone " + dns.zone(),
                "update delete moved.example.test. A",
                "update add moved.example.test. 60 A 127.0.0.3",
                "send",
                "");

        Commands.Result result = Commands.execute(List.of("nsupdate", "-y",
                dns.tsigAlgorithm() + ":" + dns.tsigKeyName() + ":" + dns.tsigSecret()), update, Duration.ofSeconds(20));

        assertEquals(0, result.exitCode(), result.output());
        assertEquals("127.0.0.3", dig("moved.example.test", "A"));
    }

    @Test
    void nginxServesHttpsOnBothAddressesWithACertificateTheTestkitsCaSigned() {
        assertEquals(testkit.oldWeb().httpsPort(), testkit.newWeb().httpsPort());
        for (WebServer web : List.of(testkit.oldWeb(), testkit.newWeb())) {
            Commands.Result handshake = Commands.execute(List.of("openssl", "s_client", "-connect",
                    web.host() + ":" + web.httpsPort(), "-servername", "shop.example.test", "-verify_hostname",
                    "shop.example.test", "-CAfile", web.caFile().toString(), "-verify_return_error"), "",
                    Duration.ofSeconds(20));

            assertEquals(0, handshake.exitCode(), handshake.output());
            assertTrue(handshake.output().contains("Verify return code: 0 (ok)"), handshake.output());
        }
    }

    @Test
    void nginxRunsPhpOnBothAddressesOnTheSamePort() throws Exception {
        assertEquals(testkit.oldWeb().port(), testkit.newWeb().port());
        for (WebServer web : List.of(testkit.oldWeb(), testkit.newWeb())) {
            Files.writeString(web.docroot().resolve("hello.php"),
                    "<?php echo 'hello from ', $_SERVER['SERVER_ADDR'], ' ', PHP_VERSION;");

            HttpResponse<String> response = get(web.uri("/hello.php"));

            assertEquals(200, response.statusCode());
            assertTrue(response.body().startsWith("hello from " + web.host() + " 8."), response.body());
        }
    }

    @Test
    void theSampleSiteShowsItsNameAndPostCountFromTheDatabase() throws Exception {
        WebServer web = testkit.oldWeb();
        Path docroot = web.docroot().resolve("sample");
        SampleSite.writeFiles(docroot, 200, 5);
        testkit.oldDb().createDatabase("wordpress");
        SampleSite.writeConfig(docroot, testkit.oldDb(), "wordpress");
        try (Connection connection = testkit.oldDb().connect("wordpress")) {
            SampleSite.loadDatabase(connection, 3000, 5);
        }
        List<String> counts = query(testkit.oldDb(), "SELECT (SELECT COUNT(*) FROM wordpress.wp_posts)"
                + " + (SELECT COUNT(*) FROM wordpress.wp_postmeta) + (SELECT COUNT(*) FROM wordpress.wp_options)"
                + " + (SELECT COUNT(*) FROM wordpress.wp_users), (SELECT COUNT(*) FROM wordpress.wp_posts)");
        assertEquals("3000", counts.get(0));

        HttpResponse<String> page = get(web.uri("/sample/index.php"));

        assertEquals(200, page.statusCode(), page.body());
        assertEquals("site: Sample site 5 🚀\nposts: " + counts.get(1) + "\n", page.body());

        try (Connection connection = testkit.oldDb().connect("wordpress")) {
            SampleSite.mutate(docroot, connection, 11);
        }
        assertEquals(Integer.parseInt(counts.get(1)) + 5,
                Integer.parseInt(query(testkit.oldDb(), "SELECT COUNT(*) FROM wordpress.wp_posts").get(0)));
        assertFalse(Files.exists(testkit.newWeb().docroot().resolve("sample")));
    }

    private String dig(String name, String type) {
        DnsServer dns = testkit.dns();
        Commands.Result answer = Commands.execute(List.of("dig", "+norec", "+short", "@" + dns.host(),
                "-p", Integer.toString(dns.port()), name, type), "", Duration.ofSeconds(10));
        assertEquals(0, answer.exitCode(), answer.output());
        return answer.output().strip();
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> query(MariaDb db, String sql) throws SQLException {
        try (Connection connection = db.connect(""); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            int columns = rows.getMetaData().getColumnCount();
            return java.util.stream.IntStream.rangeClosed(1, columns).mapToObj(column -> {
                try {
                    return rows.getString(column);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
