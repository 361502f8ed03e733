package io.sitemove.dns.internal;

import io.sitemove.spi.DnsChange;
import io.sitemove.spi.DnsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.Update;

/**
 * Builds the one RFC 2136 update message of a change. Prerequisites make it a compare-and-swap on
 * {@link DnsChange#before()}: for each RRset of the change, "RRset exists (value dependent)" with
 * exactly the records before (TTL 0, RFC 2136 2.4.2), or "RRset does not exist" (2.4.3) when there
 * were none. Updates delete each RRset, then add the records after.
 */
public final class UpdateBuilder {
    private final ZoneScope scope;

    public UpdateBuilder(ZoneScope scope) {
        this.scope = scope;
    }

    /** The RRsets a change touches, in order of first appearance in before, then after. */
    public static List<RRsetKey> sets(DnsChange change) {
        List<DnsRecord> all = new ArrayList<>(change.before());
        all.addAll(change.after());
        return RRsetKey.distinct(all);
    }

    /** Checks that every name lies in the zone and that the records of each RRset share one TTL. */
    public void validate(DnsChange change) {
        scope.checkAll(change.before());
        scope.checkAll(change.after());
        checkTtls("before", change.before());
        checkTtls("after", change.after());
    }

    /** The update message; the change must be {@link #validate validated} and its values canonical. */
    public Update build(DnsChange change) {
        validate(change);
        List<RRsetKey> sets = sets(change);
        Map<RRsetKey, List<DnsRecord>> before = RRsetKey.group(sets, change.before());
        Update update = new Update(scope.zone());
        for (RRsetKey set : sets) {
            List<DnsRecord> records = before.get(set);
            if (records.isEmpty()) {
                update.absent(name(set), Records.type(set.type()));
            } else {
                records.forEach(r -> update.present(Records.toDnsjava(r, 0)));
            }
        }
        for (RRsetKey set : sets) {
            update.delete(name(set), Records.type(set.type()));
        }
        change.after().forEach(r -> update.add(Records.toDnsjava(r, r.ttl())));
        return update;
    }

    private Name name(RRsetKey set) {
        return scope.check(set.name());
    }

    private static void checkTtls(String side, List<DnsRecord> records) {
        RRsetKey.group(List.of(), records).forEach((set, rs) -> {
            if (rs.stream().mapToLong(DnsRecord::ttl).distinct().count() > 1) {
                throw new IllegalArgumentException("the records " + side + " the change at " + set
                        + " have different TTLs " + rs + "; an RRset has one TTL: give them the same");
            }
        });
    }
}
