package io.sitemove.dns.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudflareSwitcherBuilderTest {
    @Test
    void refusesMissingAndBadValuesAsTheyAreGiven() {
        CloudflareSwitcher.Builder b = CloudflareSwitcher.builder();

        assertEquals("apiToken cannot be null", assertThrows(NullPointerException.class, () -> b.apiToken(null)).getMessage());
        assertEquals("zone cannot be null", assertThrows(NullPointerException.class, () -> b.zone(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.apiToken(Secret.of(" ")));
        assertThrows(IllegalArgumentException.class, () -> b.apiToken(Secret.of("abc\ndef")));
        assertThrows(IllegalArgumentException.class, () -> b.zone("."));
        assertThrows(IllegalArgumentException.class, () -> b.zoneId("../zones"));
        assertThrows(IllegalArgumentException.class, () -> b.baseUrl(URI.create("ftp://api.example")));
        assertThrows(IllegalArgumentException.class, () -> b.baseUrl(URI.create("https://api.example/v4?x=1")));
        assertThrows(IllegalArgumentException.class, () -> b.timeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.maxRetries(-1));
        assertThrows(IllegalArgumentException.class, () -> b.maxRetries(6), "a call waits out only a short rate limit");
        assertThrows(IllegalArgumentException.class, () -> b.maxRetryWait(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> b.authoritativeServers(List.of()));
        assertThrows(IllegalArgumentException.class, () -> b.nameserverPort(0));
    }

    @Test
    void needsATokenAndAZone() {
        assertThrows(IllegalStateException.class, () -> CloudflareSwitcher.builder().zone("example.com").build());
        assertThrows(IllegalStateException.class,
                () -> CloudflareSwitcher.builder().apiToken(Secret.of("t0ken")).build());
    }

    @Test
    void itsNameShowsTheZoneAndApiButNeverTheToken() {
        CloudflareSwitcher s = CloudflareSwitcher.builder().apiToken(Secret.of("very-secret-token")).zone("Example.COM")
                .build();

        assertTrue(s.name().contains("example.com."), s.name());
        assertTrue(s.name().contains("https://api.cloudflare.com/client/v4"), s.name());
        assertFalse(s.name().contains("very-secret-token"));
    }
}
