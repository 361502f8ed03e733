package io.sitemove.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A secondary the primary does not notify keeps its serial until the test sends it a NOTIFY. */
@WithTestkit(ssh = false, mariaDb = false, dnsSecondary = true, notifySecondary = false)
class TestkitLaggingSecondaryIT {

    private final Testkit testkit;

    TestkitLaggingSecondaryIT(Testkit testkit) {
        this.testkit = testkit;
    }

    @Test
    void theSecondaryLagsUntilNotified() {
        DnsServer primary = testkit.dns();
        DnsServer secondary = testkit.dnsSecondary();
        long old = SecondaryDns.serial(secondary);
        assertEquals(SecondaryDns.serial(primary), old);

        SecondaryDns.nsupdate(primary, "update add lagging.example.test. 60 A 127.0.0.3");
        long serial = SecondaryDns.serial(primary);

        assertTrue(serial > old, serial + " after " + old);
        assertEquals(old, SecondaryDns.serial(secondary));
        assertEquals("", SecondaryDns.dig(secondary, "lagging.example.test.", "A"));

        testkit.notifySecondary();

        assertEquals(serial, SecondaryDns.awaitSerial(secondary, serial));
        assertEquals("127.0.0.3", SecondaryDns.dig(secondary, "lagging.example.test.", "A"));
    }
}
