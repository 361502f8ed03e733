package io.sitemove.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.dns.DnsException;
import io.sitemove.spi.DnsChange;
import io.sitemove.spi.DnsRecord;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

class UpdateBuilderTest {
    private final UpdateBuilder builder = new UpdateBuilder(new ZoneScope(Records.name("example.test.")));

    @Test
    void aTwoSetSwitchIsOneCompareAndSwap() {
        DnsChange change = new DnsChange(
                List.of(DnsRecord.a("site.example.test.", 300, "127.0.0.2"), DnsRecord.a("www.example.test.", 300, "127.0.0.2")),
                List.of(DnsRecord.a("site.example.test.", 300, "127.0.0.3"), DnsRecord.a("www.example.test.", 300, "127.0.0.3")));
        Update u = builder.build(change);

        List<Record> zone = u.getSection(Section.ZONE);
        assertEquals(1, zone.size());
        assertEquals(Records.name("example.test."), zone.get(0).getName());
        assertEquals(Type.SOA, zone.get(0).getType());
        assertEquals(List.of("site.example.test. 0 IN A 127.0.0.2", "www.example.test. 0 IN A 127.0.0.2"),
                lines(u, Section.PREREQ));
        assertEquals(List.of("site.example.test. 0 ANY A -", "www.example.test. 0 ANY A -",
                "site.example.test. 300 IN A 127.0.0.3", "www.example.test. 300 IN A 127.0.0.3"), lines(u, Section.UPDATE));
    }

    @Test
    void aNewSetRequiresThatItDoesNotExist() {
        DnsChange change = new DnsChange(List.of(),
                List.of(new DnsRecord("shop.example.test.", "CNAME", 600, "site.example.test.")));
        Update u = builder.build(change);
        assertEquals(List.of("shop.example.test. 0 NONE CNAME -"), lines(u, Section.PREREQ));
        assertEquals(List.of("shop.example.test. 0 ANY CNAME -", "shop.example.test. 600 IN CNAME site.example.test."),
                lines(u, Section.UPDATE));
    }

    @Test
    void aTtlChangeComparesValuesAndRewritesTheSet() {
        DnsChange change = new DnsChange(
                List.of(DnsRecord.a("site.example.test.", 300, "127.0.0.2"), DnsRecord.a("site.example.test.", 300, "127.0.0.4")),
                List.of(DnsRecord.a("site.example.test.", 60, "127.0.0.2"), DnsRecord.a("site.example.test.", 60, "127.0.0.4")));
        Update u = builder.build(change);
        assertEquals(List.of("site.example.test. 0 IN A 127.0.0.2", "site.example.test. 0 IN A 127.0.0.4"),
                lines(u, Section.PREREQ));
        assertEquals(List.of("site.example.test. 0 ANY A -", "site.example.test. 60 IN A 127.0.0.2",
                "site.example.test. 60 IN A 127.0.0.4"), lines(u, Section.UPDATE));
    }

    @Test
    void aRemovedSetIsOnlyDeleted() {
        DnsChange change = new DnsChange(List.of(DnsRecord.a("old.example.test.", 300, "127.0.0.2")), List.of());
        Update u = builder.build(change);
        assertEquals(List.of("old.example.test. 0 IN A 127.0.0.2"), lines(u, Section.PREREQ));
        assertEquals(List.of("old.example.test. 0 ANY A -"), lines(u, Section.UPDATE));
    }

    @Test
    void anRRsetWithTwoTtlsIsRefused() {
        DnsChange change = new DnsChange(List.of(),
                List.of(DnsRecord.a("site.example.test.", 300, "127.0.0.2"), DnsRecord.a("site.example.test.", 60, "127.0.0.4")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.build(change));
        assertTrue(e.getMessage().contains("site.example.test. A"), e.getMessage());
    }

    @Test
    void aNameOutsideTheZoneIsRefused() {
        DnsChange change = new DnsChange(List.of(), List.of(DnsRecord.a("site.example.org.", 300, "127.0.0.2")));
        DnsException e = assertThrows(DnsException.class, () -> builder.build(change));
        assertTrue(e.getMessage().contains("site.example.org."), e.getMessage());
        assertTrue(e.getMessage().contains("outside the zone example.test."), e.getMessage());
    }

    private static List<String> lines(Update u, int section) {
        return u.getSection(section).stream().map(r -> r.getName() + " " + r.getTTL() + " " + DClass.string(r.getDClass())
                + " " + Type.string(r.getType()) + " " + (r.rdataToString().isEmpty() ? "-" : r.rdataToString())).toList();
    }
}
