package io.sitemove.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.DnsConflictException;
import io.sitemove.dns.DnsTimeoutException;
import io.sitemove.dns.DnsUpdateException;
import io.sitemove.spi.DnsRecord;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

class UpdateOutcomeTest {
    private static final String WHERE = "zone example.test. at ns:53";
    private static final List<DnsRecord> EXPECTED = List.of(DnsRecord.a("www.example.test.", 300, "192.0.2.1"));
    private static final List<DnsRecord> NOW = List.of(DnsRecord.a("www.example.test.", 300, "192.0.2.7"));

    @Test
    void noErrorPasses() {
        UpdateOutcome.require(response(Rcode.NOERROR), WHERE, "TSIG key k.", EXPECTED, () -> {
            throw new AssertionError("nothing is read again after a success");
        });
    }

    @Test
    void failedPrerequisitesAreAConflictCarryingTheRecordsExpectedAndFound() {
        for (int rcode : new int[] {Rcode.NXRRSET, Rcode.YXRRSET, Rcode.NXDOMAIN, Rcode.YXDOMAIN}) {
            DnsConflictException e = assertThrows(DnsConflictException.class,
                    () -> UpdateOutcome.require(response(rcode), WHERE, "TSIG key k.", EXPECTED, () -> NOW));

            assertTrue(e.getMessage().contains("changed since they were read (compare-and-swap failed)"), e.getMessage());
            assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
            assertTrue(e.getMessage().contains("(" + Rcode.string(rcode) + ")"), e.getMessage());
            assertEquals(EXPECTED, e.expected());
            assertEquals(NOW, e.found());
            assertFalse(e.isTransient());
        }
    }

    @Test
    void aConflictIsReportedEvenWhenTheRecordsCannotBeReadAgain() {
        DnsTimeoutException unreadable = new DnsTimeoutException("no answer from ns:53", null);
        Supplier<List<DnsRecord>> fails = () -> {
            throw unreadable;
        };

        DnsConflictException e = assertThrows(DnsConflictException.class,
                () -> UpdateOutcome.require(response(Rcode.NXRRSET), WHERE, "TSIG key k.", EXPECTED, fails));

        assertEquals(EXPECTED, e.expected());
        assertEquals(List.of(), e.found());
        assertTrue(e.getMessage().contains("could not be read again"), e.getMessage());
        assertEquals(List.of(unreadable), List.of(e.getSuppressed()));
    }

    @Test
    void refusalsNameTheKey() {
        DnsUpdateException e = thrown(Rcode.REFUSED);
        assertEquals("REFUSED", e.rcodeName());
        assertEquals(Rcode.REFUSED, e.rcode());
        assertTrue(e.getMessage().contains("TSIG key k. is not authorised"), e.getMessage());
        assertFalse(e.isTransient());
        assertTrue(thrown(Rcode.NOTAUTH).getMessage().contains("(NOTAUTH)"));
        assertTrue(thrown(Rcode.SERVFAIL).isTransient());
    }

    private static DnsUpdateException thrown(int rcode) {
        return assertThrows(DnsUpdateException.class,
                () -> UpdateOutcome.require(response(rcode), WHERE, "TSIG key k.", EXPECTED, () -> NOW));
    }

    private static Message response(int rcode) {
        Message m = new Message();
        m.getHeader().setRcode(rcode);
        return m;
    }
}
