package io.sitemove.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.remote.TestContext;
import io.sitemove.remote.TestServers;
import io.sitemove.spi.Side;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import io.sitemove.testkit.WordPressSite;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * WordPress ignores a {@code .maintenance} whose {@code $upgrading} is ten minutes old or more. The marker
 * sets {@code $upgrading} to the time of each request, so a final sync of any length keeps it in force
 * without rewriting it; a file with a literal old timestamp (what WordPress's own upgrader writes) expires.
 */
@WithTestkit(ssh = true, mariaDb = true, dns = false, web = true)
class WordPressMaintenanceHoldsIT {

    @Test
    void anHourOldMarkerStillHoldsWhileALiteralElevenMinuteOldTimestampDoesNot(Testkit kit) throws Exception {
        WordPressSite site = WordPressSite.builder(kit.oldWeb(), kit.oldDb()).database("held").install();
        Path docroot = site.docroot();
        WordPressMaintenance maintenance = new WordPressMaintenance(docroot.toString(),
                kit.newWeb().docroot().toString());
        TestContext source = TestContext.side(TestServers.oldServer(kit), TestServers.newServer(kit), Side.SOURCE);
        assertEquals(200, get(kit).statusCode());

        maintenance.enable(source);
        Files.setLastModifiedTime(docroot.resolve(".maintenance"), FileTime.from(Instant.now().minusSeconds(3600)));
        HttpResponse<String> held = get(kit);

        Files.writeString(docroot.resolve(".maintenance"), "<?php $upgrading = "
                + Instant.now().minusSeconds(660).getEpochSecond() + "; ?>");
        forgetCompiledMarker(kit, docroot);
        int expired = get(kit, "/").statusCode();
        maintenance.disable(source);
        int after = get(kit).statusCode();

        assertEquals(503, held.statusCode(), held.body());
        assertTrue(held.body().contains("maintenance"), held.body());
        assertEquals(200, expired, "WordPress lets visitors in past a stale literal timestamp");
        assertEquals(200, after);
    }

    /**
     * PHP-FPM's opcache keeps the marker as first compiled and looks at the file's time again only every few
     * seconds ({@code opcache.revalidate_freq}); a page outside WordPress drops that copy, so the next request
     * reads the file as it is now, at once, as it would a few seconds later.
     */
    private static void forgetCompiledMarker(Testkit kit, Path docroot) throws Exception {
        Path page = docroot.resolve("forget-marker.php");
        Files.writeString(page, "<?php echo function_exists('opcache_invalidate')"
                + " && opcache_invalidate(__DIR__ . '/.maintenance', true) ? 'dropped' : 'not cached';");
        try {
            HttpResponse<String> answer = get(kit, "/forget-marker.php");
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().equals("dropped") || answer.body().equals("not cached"), answer.body());
        } finally {
            Files.delete(page);
        }
    }

    private static HttpResponse<String> get(Testkit kit) throws Exception {
        return get(kit, "/");
    }

    private static HttpResponse<String> get(Testkit kit, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return client.send(HttpRequest.newBuilder(kit.oldWeb().uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
