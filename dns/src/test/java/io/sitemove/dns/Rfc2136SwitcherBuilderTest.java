package io.sitemove.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.spi.DnsCapabilities;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Rfc2136SwitcherBuilderTest {
    private static final String SECRET = "c2l0ZW1vdmUtdGVzdC1zZWNyZXQtMzItYnl0ZXMhIQ==";

    @Test
    void buildsWithTheRequiredParts() {
        Rfc2136Switcher s = Rfc2136Switcher.builder().zone("Example.Test").server("127.0.0.10", 5353)
                .tsig("sitemove-key.", "HMAC-SHA256", Secret.of(SECRET)).timeout(Duration.ofSeconds(2)).build();
        assertEquals("rfc2136 example.test. at 127.0.0.10:5353", s.name());
    }

    @Test
    void declaresTheTypesItSwitchesTtlControlAndAtomicChanges() {
        DnsCapabilities c = Rfc2136Switcher.builder().zone("example.test.").server("127.0.0.10", 5353)
                .tsig("sitemove-key.", "hmac-sha256", Secret.of(SECRET)).build().capabilities();
        assertEquals(java.util.Set.of("A", "AAAA", "CNAME", "TXT", "MX"), c.recordTypes());
        assertTrue(c.ttlControl());
        assertTrue(c.atomicMultiRecordChange());
        assertTrue(c.supports("mx"));
        assertFalse(c.supports("SRV"));
    }

    @Test
    void nullsAreRefusedByName() {
        Rfc2136Switcher.Builder b = Rfc2136Switcher.builder();
        assertEquals("zone cannot be null", assertThrows(NullPointerException.class, () -> b.zone(null)).getMessage());
        assertEquals("secret cannot be null",
                assertThrows(NullPointerException.class, () -> b.tsig("k.", "hmac-sha256", null)).getMessage());
        assertEquals("timeout cannot be null", assertThrows(NullPointerException.class, () -> b.timeout(null)).getMessage());
        assertEquals("operationTimeout cannot be null",
                assertThrows(NullPointerException.class, () -> b.operationTimeout(null)).getMessage());
    }

    @Test
    void badValuesAreRefused() {
        Rfc2136Switcher.Builder b = Rfc2136Switcher.builder();
        assertThrows(IllegalArgumentException.class, () -> b.server("127.0.0.1", 0));
        assertThrows(IllegalArgumentException.class, () -> b.server("127.0.0.1", 65536));
        assertThrows(IllegalArgumentException.class, () -> b.timeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.operationTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> b.nameserverPort(-1));
        assertThrows(IllegalArgumentException.class, () -> b.authoritativeServers(List.of()));
        assertThrows(IllegalArgumentException.class, () -> b.publicResolvers(List.of()));
        assertEquals("resolvers cannot be null",
                assertThrows(NullPointerException.class, () -> b.publicResolvers(null)).getMessage());
        List<InetSocketAddress> withNull = new ArrayList<>();
        withNull.add(null);
        assertEquals("resolver cannot be null",
                assertThrows(NullPointerException.class, () -> b.publicResolvers(withNull)).getMessage());
        IllegalArgumentException alg = assertThrows(IllegalArgumentException.class,
                () -> b.tsig("k.", "hmac-sha3", Secret.of(SECRET)));
        assertTrue(alg.getMessage().contains("hmac-sha3"), alg.getMessage());
    }

    @Test
    void aSecretThatIsNotBase64IsRefusedWithoutShowingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rfc2136Switcher.builder()
                .tsig("sitemove-key.", "hmac-sha256", Secret.of("not*base64*topsecret")));
        assertTrue(e.getMessage().contains("sitemove-key."), e.getMessage());
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
    }

    @Test
    void missingPartsAreNamed() {
        assertEquals("zone(...) is required",
                assertThrows(IllegalStateException.class, () -> Rfc2136Switcher.builder().build()).getMessage());
        assertThrows(IllegalStateException.class, () -> Rfc2136Switcher.builder().zone("example.test.").build());
        IllegalStateException noKey = assertThrows(IllegalStateException.class,
                () -> Rfc2136Switcher.builder().zone("example.test.").server("127.0.0.1", 53).build());
        assertTrue(noKey.getMessage().startsWith("tsig"), noKey.getMessage());
    }
}
