package io.sitemove.dns.cloudflare.internal;

import io.sitemove.dns.internal.RRsetKey;
import io.sitemove.spi.DnsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the records as they are and as they should be into calls, RRset by RRset: a record whose
 * value stays is overwritten only when its TTL changes; other records are paired, each pair one
 * overwrite keeping the old record's id; what is left over is deleted or created. All overwrites
 * come first, then the deletes, then the creates, so that a name can go from A to CNAME.
 */
public final class ChangePlanner {
    private ChangePlanner() {
    }

    /**
     * @param current the records now, by RRset
     * @param desired the records wanted, by RRset (every RRset of {@code current} present, maybe empty)
     */
    public static List<Step> plan(Map<RRsetKey, List<CfRecord>> current, Map<RRsetKey, List<DnsRecord>> desired) {
        List<Step> overwrites = new ArrayList<>();
        List<Step> deletes = new ArrayList<>();
        List<Step> creates = new ArrayList<>();
        for (Map.Entry<RRsetKey, List<DnsRecord>> e : desired.entrySet()) {
            List<CfRecord> olds = new ArrayList<>(current.getOrDefault(e.getKey(), List.of()));
            List<DnsRecord> wanted = new ArrayList<>();
            for (DnsRecord w : e.getValue()) {
                CfRecord same = olds.stream().filter(o -> o.record().value().equals(w.value())).findFirst().orElse(null);
                if (same == null) {
                    wanted.add(w);
                    continue;
                }
                olds.remove(same);
                if (same.record().ttl() != w.ttl()) {
                    overwrites.add(new Step.Overwrite(same, w, RecordCodec.body(w, same.proxied(), same)));
                }
            }
            int pairs = Math.min(olds.size(), wanted.size());
            for (int i = 0; i < pairs; i++) {
                CfRecord old = olds.get(i);
                overwrites.add(new Step.Overwrite(old, wanted.get(i), RecordCodec.body(wanted.get(i), old.proxied(), old)));
            }
            olds.subList(pairs, olds.size()).forEach(o -> deletes.add(new Step.Delete(o)));
            wanted.subList(pairs, wanted.size()).forEach(w -> creates.add(new Step.Create(w, RecordCodec.body(w, false, null))));
        }
        List<Step> out = new ArrayList<>(overwrites);
        out.addAll(deletes);
        out.addAll(creates);
        return out;
    }
}
