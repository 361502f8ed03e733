package io.sitemove.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.spi.VerifyStage;
import java.net.URI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page verifier's and the scenario's builders refuse what cannot work, as they are given it. */
class HttpVerifierBuilderTest {

    @Test
    void defaultsRunAtFunctionalAndCutoverOnTheUrlsGiven() {
        HttpVerifier v = HttpVerifier.builder().urls("http://a.example.test/", "https://a.example.test/x").build();

        assertEquals(Set.of(VerifyStage.FUNCTIONAL, VerifyStage.CUTOVER), v.stages());
        assertEquals(List.of(URI.create("http://a.example.test/"), URI.create("https://a.example.test/x")), v.urls());
        assertEquals("http", v.name());
    }

    @Test
    void badValuesAreRefusedAsTheyAreGiven() {
        HttpVerifierBuilder b = HttpVerifier.builder();

        assertEquals("url cannot be null", assertThrows(NullPointerException.class, () -> b.url(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.url("ftp://a.example.test/"));
        assertThrows(IllegalArgumentException.class, () -> b.url("http://user:pw@a.example.test/"));
        assertThrows(IllegalArgumentException.class, () -> b.pinNew("127.0.0.1; rm -rf /"));
        assertThrows(IllegalArgumentException.class, () -> b.pinOld("127.0.0.1", 0));
        assertThrows(IllegalArgumentException.class, () -> b.selectors("h1[[["));
        assertThrows(IllegalArgumentException.class, () -> b.normalise("(", "x"));
        assertThrows(IllegalArgumentException.class, () -> b.latency(3, 0.5, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.concurrency(0));
        assertThrows(IllegalArgumentException.class, () -> b.trustCa(Path.of("/no/such/ca.pem")));
        assertThrows(IllegalArgumentException.class, () -> b.responseTimeout(Duration.ZERO));
        assertEquals("no URL to check: call url(...)", assertThrows(IllegalStateException.class, b::build).getMessage());
    }

    @Test
    void aCaFileWithoutCertificatesIsRefused(@TempDir Path dir) throws IOException {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpVerifier.builder().trustCa(notPem));

        assertTrue(e.getMessage().startsWith("cannot read the CA file " + notPem), e.getMessage());
    }

    @Test
    void aDeadlineShorterThanTheConnectTimeoutIsAConflict() {
        HttpVerifierBuilder b = HttpVerifier.builder().url("http://a.example.test/")
                .connectTimeout(Duration.ofSeconds(10)).deadline(Duration.ofSeconds(2));

        assertThrows(IllegalStateException.class, b::build);
    }

    @Test
    void aScenarioNeedsAStepBeforeExpectationsAndFieldsOnlyOnAPost() {
        Scenario.Builder s = Scenario.builder("login", "http://a.example.test/");

        assertThrows(IllegalStateException.class, () -> s.expectStatus(200));
        assertThrows(IllegalStateException.class, s::build);
        s.get("/login.php");
        assertThrows(IllegalStateException.class, () -> s.field("user", "admin"));
        assertThrows(IllegalArgumentException.class, () -> s.get("login.php"));
        assertThrows(IllegalArgumentException.class, () -> s.get("//evil.example.org/"));
        Scenario built = s.post("/login.php").field("pwd", Secret.of("hunter2")).expectCookie("PHPSESSID").build();

        assertEquals("scenario login [step 1 (GET /login.php), step 2 (POST /login.php)]", built.toString());
    }
}
