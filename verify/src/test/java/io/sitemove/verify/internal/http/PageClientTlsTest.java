package io.sitemove.verify.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * https through the pin with the real certificate checks: a server certificate for the site's name, signed by
 * a test CA that {@code openssl} makes, trusted only when the client is given the CA's PEM file.
 */
class PageClientTlsTest {
    private static final String SITE = "shop.example.test";
    private static final URI PAGE = URI.create("https://" + SITE + "/secure");
    private static TestCa ca;
    private static WireMockServer server;

    @BeforeAll
    static void startAnHttpsServerWithACertificateForTheSite() throws IOException, InterruptedException {
        ca = TestCa.forHost(SITE);
        server = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort()
                .keystorePath(ca.serverP12.toString()).keystoreType("PKCS12")
                .keystorePassword(TestCa.PASSWORD).keyManagerPassword(TestCa.PASSWORD));
        server.start();
        server.stubFor(get("/secure").willReturn(aResponse().withStatus(200).withBody("over tls")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static PageClientBuilder pinned(String host) {
        return PageClient.builder().pin(host, "127.0.0.1", server.httpsPort());
    }

    @Test
    void givenTheCaFileTheSiteIsFetchedOverTlsWithItsName() {
        try (PageClient client = pinned(SITE).trustCaFile(ca.caPem, false).build()) {
            Page page = client.fetch(PAGE);

            assertTrue(page.complete(), page.toString());
            assertEquals("over tls", new String(page.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theCaFileAddsToTheJdksCasWhenAskedTo() {
        try (PageClient client = pinned(SITE).trustCaFile(ca.caPem, true).build()) {
            assertTrue(client.fetch(PAGE).complete());
        }
    }

    @Test
    void withoutTheCaFileTheCertificateIsRefusedAsATlsFailure() {
        try (PageClient client = pinned(SITE).build()) {
            Page page = client.fetch(PAGE);

            FetchFailure failure = page.failure().orElseThrow(() -> new AssertionError(page));
            assertEquals(FetchFailure.Kind.TLS, failure.kind(), failure.words());
            assertTrue(failure.words().startsWith("GET " + PAGE + " via 127.0.0.1:" + server.httpsPort()
                    + ": TLS failed: "), failure.words());
            assertTrue(failure.words().contains("certification path"), failure.words());
        }
    }

    @Test
    void aNameTheCertificateDoesNotCoverIsATlsFailureEvenWithTheCa() {
        try (PageClient client = pinned("other.example.test").trustCaFile(ca.caPem, false).build()) {
            Page page = client.fetch(URI.create("https://other.example.test/secure"));

            FetchFailure failure = page.failure().orElseThrow(() -> new AssertionError(page));
            assertEquals(FetchFailure.Kind.TLS, failure.kind(), failure.words());
            assertTrue(failure.words().contains("other.example.test"), failure.words());
        }
    }

    @Test
    void aFileThatIsNotPemIsRefusedWhenTheClientIsBuilt() throws IOException {
        Path junk = Files.writeString(ca.dir.resolve("junk.pem"), "not a certificate");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> pinned(SITE).trustCaFile(junk, false).build());
        assertTrue(refused.getMessage().startsWith("cannot read the CA file " + junk), refused.getMessage());
    }
}
