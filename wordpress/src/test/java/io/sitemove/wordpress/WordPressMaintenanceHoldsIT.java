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
        int expired = statusOnceRevalidated(kit);
        maintenance.disable(source);
        int after = get(kit).statusCode();

        assertEquals(503, held.statusCode(), held.body());
        assertTrue(held.body().contains("maintenance"), held.body());
        assertEquals(200, expired, "WordPress lets visitors in past a stale literal timestamp");
        assertEquals(200, after);
    }

    /** PHP's opcache looks at a changed file again after a few seconds: asks for up to 10 s until it has. */
    private static int statusOnceRevalidated(Testkit kit) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = get(kit).statusCode();
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            status = get(kit).statusCode();
        }
        return status;
    }

    private static HttpResponse<String> get(Testkit kit) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return client.send(HttpRequest.newBuilder(kit.oldWeb().uri("/")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
