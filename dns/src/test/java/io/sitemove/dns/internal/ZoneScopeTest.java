package io.sitemove.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.dns.DnsException;
import org.junit.jupiter.api.Test;

class ZoneScopeTest {
    private final ZoneScope scope = new ZoneScope(Records.name("example.test."));

    @Test
    void namesInTheZoneAndTheApexPass() {
        assertEquals(Records.name("site.example.test."), scope.check("site.example.test."));
        assertEquals(Records.name("a.b.example.test."), scope.check("A.B.Example.Test"));
        assertEquals(Records.name("example.test."), scope.check("example.test."));
    }

    @Test
    void namesOutsideAreRefusedEvenWithTheSameSuffix() {
        for (String name : new String[] {"notexample.test.", "example.test.evil.", "test.", "site.example.org."}) {
            DnsException e = assertThrows(DnsException.class, () -> scope.check(name), name);
            assertTrue(e.getMessage().startsWith("'" + name + "' is outside the zone example.test."), e.getMessage());
            assertTrue(!e.isTransient(), name);
        }
    }

    @Test
    void aMalformedNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> scope.check("a..example.test."));
    }
}
