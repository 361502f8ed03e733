package io.sitemove.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.dns.DnsUpdateException;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

class UpdateOutcomeTest {
    @Test
    void noErrorPasses() {
        UpdateOutcome.require(response(Rcode.NOERROR), "ns:53", "example.test.", "TSIG key k.");
    }

    @Test
    void failedPrerequisitesAreACompareAndSwapFailure() {
        for (int rcode : new int[] {Rcode.NXRRSET, Rcode.YXRRSET}) {
            DnsUpdateException e = thrown(rcode);
            assertTrue(e.getMessage().contains("the records changed since they were read (compare-and-swap failed);"
                    + " nothing was changed"), e.getMessage());
            assertTrue(e.isCompareAndSwapFailure());
            assertEquals(rcode, e.rcode());
            assertFalse(e.isTransient());
        }
    }

    @Test
    void refusalsNameTheKey() {
        DnsUpdateException e = thrown(Rcode.REFUSED);
        assertEquals("REFUSED", e.rcodeName());
        assertTrue(e.getMessage().contains("TSIG key k. is not authorised"), e.getMessage());
        assertFalse(e.isCompareAndSwapFailure());
        assertTrue(thrown(Rcode.NOTAUTH).getMessage().contains("(NOTAUTH)"));
        assertTrue(thrown(Rcode.SERVFAIL).isTransient());
    }

    private static DnsUpdateException thrown(int rcode) {
        return assertThrows(DnsUpdateException.class,
                () -> UpdateOutcome.require(response(rcode), "ns:53", "example.test.", "TSIG key k."));
    }

    private static Message response(int rcode) {
        Message m = new Message();
        m.getHeader().setRcode(rcode);
        return m;
    }
}
