package io.sitemove.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.spi.CheckResult;
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
        String finding = result.findings().get(0);
        assertTrue(finding.startsWith("GET http://site.example.test/missing.php via " + web.host() + ":" + web.port()
                + ": status 404 (expected 200), body: '"), finding);
        assertTrue(finding.contains("404"), finding);
    }

    @Test
    void aMissingMarkerIsAFindingWithABodyExcerpt() {
        HttpVerifier verifier = HttpVerifier.builder()
                .url("http://site.example.test/marker.php")
                .pinTo(web.host(), web.port())
                .expectBodyContains("Welcome to the shop")
                .build();

        Verification result = verifier.verify(Contexts.withoutSsh(VerifyStage.FUNCTIONAL));

        assertEquals(List.of("GET http://site.example.test/marker.php via " + web.host() + ":" + web.port()
                + ": status 200 but the body does not contain 'Welcome to the shop', body: "
                + "'sitemove-marker host=site.example.test\\n'"), result.findings());
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
        assertTrue(result.findings().get(0).contains(": no answer (ConnectException"), result.findings().toString());
    }
}
