package io.sitemove.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.spi.DnsRecord;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

class RecordsTest {
    @Test
    void anARecordKeepsItsDottedQuad() {
        DnsRecord r = Records.normalize(DnsRecord.a("site.example.test.", 300, "127.0.0.3"));
        assertEquals("127.0.0.3", r.value());
        Record d = Records.toDnsjava(r, 0);
        assertEquals(Type.A, d.getType());
        assertEquals(0, d.getTTL());
        assertEquals(r, Records.fromDnsjava(Records.toDnsjava(r, 300)));
    }

    @Test
    void aaaaValuesTakeTheRfc5952Form() {
        assertEquals("2001:db8::1", aaaa("2001:DB8:0:0:0:0:0:1"));
        assertEquals("::", aaaa("0:0:0:0:0:0:0:0"));
        assertEquals("::1", aaaa("::1"));
        assertEquals("2001:db8::", aaaa("2001:db8:0:0:0:0:0:0"));
        assertEquals("2001:db8:0:1:1:1:1:1", aaaa("2001:db8:0:1:1:1:1:1"));
        assertEquals("2001:db8::1:0:0:1", aaaa("2001:db8:0:0:1:0:0:1"));
        assertEquals("2001:0:0:1::1", aaaa("2001:0:0:1:0:0:0:1"));
        assertEquals("2001:db8::abcd:12", aaaa("2001:0db8:0000:0000:0000:0000:abcd:0012"));
    }

    @Test
    void cnameTargetsAreLowerCaseAndMustBeAbsolute() {
        assertEquals("target.example.test.",
                Records.normalize(new DnsRecord("www.example.test.", "CNAME", 300, "Target.Example.TEST.")).value());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Records.normalize(new DnsRecord("www.example.test.", "CNAME", 300, "target")));
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
    }

    @Test
    void mxExchangesAreLowerCaseAndTxtKeepsItsCase() {
        assertEquals("10 mail.example.test.",
                Records.normalize(new DnsRecord("example.test.", "MX", 300, "10 Mail.Example.TEST.")).value());
        assertEquals("\"Keep Case\"",
                Records.normalize(new DnsRecord("example.test.", "TXT", 300, "\"Keep Case\"")).value());
    }

    @Test
    void invalidValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Records.normalize(DnsRecord.a("a.example.test.", 1, "127.0.0")));
        assertThrows(IllegalArgumentException.class, () -> Records.normalize(DnsRecord.a("a.example.test.", 1, "::1")));
        assertThrows(IllegalArgumentException.class,
                () -> Records.normalize(DnsRecord.a("a.example.test.", 1, "127.0.0.1 127.0.0.2")));
        assertThrows(IllegalArgumentException.class,
                () -> Records.normalize(new DnsRecord("a.example.test.", "AAAA", 1, "127.0.0.1")));
        assertThrows(IllegalArgumentException.class,
                () -> Records.normalize(new DnsRecord("a.example.test.", "NOSUCH", 1, "x")));
    }

    private static String aaaa(String value) {
        return Records.normalize(new DnsRecord("v6.example.test.", "AAAA", 300, value)).value();
    }
}
