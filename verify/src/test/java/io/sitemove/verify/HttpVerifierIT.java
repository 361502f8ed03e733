package io.sitemove.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Finding;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyStage;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WebServer;
import io.sitemove.testkit.WithTestkit;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = false, mariaDb = false, dns = false, web = true)
class HttpVerifierIT {
    private final Testkit kit;
    private WebServer web;

    HttpVerifierIT(Testkit kit) {
        this.kit = kit;
    }

    @BeforeEach
    void givenAPageOnTheNewServerThatEchoesTheHostItWasAskedFor() throws IOException {
        web = kit.newWeb();
        Files.writeString(web.docroot().resolve("marker.php"),
                "<?php echo 'sitemove-marker host=' . $_SERVER['HTTP_HOST'] . \"\\n\";\n");
    }

    @Test
    void passesWhenTheNewServerAnswersForTheSiteName() {
        HttpVerifier verifier = HttpVerifier.builder()
                .url("http://site.example.test/marker.php")
                .pinTo(web.host(), web.port())
                .expectStatus(200)
                .expectBodyContains("sitemove-marker host=site.example.test\n")
                .build();

        Verification result = verifier.verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));

        assertTrue(result.passed(), result.toString());
        assertEquals("1 URL(s) answered 200 with the expected text on " + web.host(), result.summary());
    }

    @Test
    void withoutAPinItConnectsToTheTargetServerOnTheUrlsPort() {
        HttpVerifier verifier = HttpVerifier.builder()
                .url("http://site.example.test:" + web.port() + "/marker.php?x=1")
                .expectBodyContains("host=site.example.test\n")
                .build();

        Verification result = verifier.verify(Contexts.withoutSsh(VerifyStage.WATCH));

        assertTrue(result.passed(), result.toString());
    }

    @Test
    void aMissingPageIsAFindingWithItsStatusAndBody() {
        HttpVerifier verifier = HttpVerifier.builder()
                .url("http://site.example.test/missing.php")
                .pinTo(web.host(), web.port())
                .build();

        Verification result = verifier.verify(Contexts.withoutSsh(VerifyStage.CUTOVER));

        assertFalse(result.passed());
        Finding finding = result.findings().get(0);
        assertEquals("status", finding.check(), finding.toText());
        assertEquals("http://site.example.test/missing.php", finding.subject());
        assertEquals("status 200", finding.expected());
        assertTrue(finding.actual().startsWith("status 404 via " + web.host() + ":" + web.port() + ", body: '"), finding.toText());
        assertEquals(Finding.Severity.BLOCKING, finding.severity());
    }

    @Test
    void aMissingMarkerIsAFindingWithABodyExcerpt() {
        HttpVerifier verifier = HttpVerifier.builder()
                .url("http://site.example.test/marker.php")
                .pinTo(web.host(), web.port())
                .expectBodyContains("Welcome to the shop")
                .build();

        Verification result = verifier.verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));

        assertEquals(List.of(Finding.blocking("text", "http://site.example.test/marker.php",
                "a body containing 'Welcome to the shop'", "status 200 via " + web.host() + ":" + web.port()
                + ", body: 'sitemove-marker host=site.example.test\\n'",
                "sync the site again or fix the target's web server configuration")), result.findings());
        assertEquals("1 of 1 URL(s) did not answer as expected on " + web.host(), result.summary());
    }

    @Test
    void aClosedPortFailsPreflightAndVerification() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(web.host()))) {
            closed = socket.getLocalPort();
        }
        HttpVerifier open = HttpVerifier.builder().url("http://site.example.test/").pinTo(web.host(), web.port()).build();
        HttpVerifier shut = HttpVerifier.builder().url("http://site.example.test/").pinTo(web.host(), closed).build();

        List<CheckResult> ok = open.preflight(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));
        List<CheckResult> refused = shut.preflight(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));
        Verification result = shut.verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));

        assertTrue(ok.get(0).passed(), ok.toString());
        assertFalse(refused.get(0).passed());
        assertEquals("HTTP reachable on " + web.host() + ":" + closed, refused.get(0).check());
        assertEquals("answer", result.findings().get(0).check(), result.findings().toString());
        assertTrue(result.findings().get(0).actual().startsWith("no answer via " + web.host() + ":" + closed + " (ConnectException"),
                result.findings().toString());
    }
}
