package io.sitemove.internal;

import io.sitemove.CutoverTooEarlyException;
import io.sitemove.DnsCutover;
import io.sitemove.Phase;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.EntryData;
import java.time.Instant;
import java.util.List;

/**
 * The plan's DNS moves as steps: read the records, lower their TTL, switch them, wait for propagation,
 * restore the TTL, revert them. The records a step starts from come from the journal (what the
 * moratorium read), so every step can be run again after a crash.
 */
final class DnsMoves {
    private final DnsCutover cutover;
    private final DnsSteps dns;
    private final StepRunner steps;

    DnsMoves(DnsCutover cutover, DnsSteps dns, StepRunner steps) {
        this.cutover = cutover;
        this.dns = dns;
        this.steps = steps;
    }

    /** Moratorium: read the records as they are, then lower their TTL. */
    void lowerTtl() {
        steps.step(Phase.MORATORIUM, StepNames.DNS_READ, () -> new EntryData.DnsRead(dns.read()));
        steps.step(Phase.MORATORIUM, StepNames.LOWER_TTL, () -> {
            List<DnsRecord> original = original();
            Instant at = steps.clock().instant();
            String note = dns.change(Phase.MORATORIUM, "lower TTL to " + cutover.lowTtl().toSeconds() + " s",
                    List.of(original), lowered());
            return new EntryData.TtlLowered(at, DnsRecords.maxTtl(original), note);
        });
    }

    /** Refuses a cutover before the old TTL has expired since the lowering, unless the plan waives the wait. */
    void refuseBeforeTtlExpiry() {
        if (!cutover.waitForTtlExpiry()) {
            return;
        }
        EntryData.TtlLowered lowered = steps.state()
                .stepData(Phase.MORATORIUM, StepNames.LOWER_TTL, EntryData.TtlLowered.class).orElseThrow();
        if (steps.clock().instant().isBefore(lowered.notBefore())) {
            throw new CutoverTooEarlyException(steps.site(), lowered.notBefore(), lowered.oldTtlSeconds());
        }
    }

    /** Cutover: switch the records, then wait until every authoritative server answers them. */
    void switchAndPropagate(Phase phase) {
        steps.step(phase, StepNames.DNS_SWITCH, () -> new EntryData.Note(
                dns.change(phase, "switch", List.of(lowered()), switched())));
        steps.step(phase, StepNames.PROPAGATION, () -> {
            var p = dns.awaitPropagation(phase, switched(), cutover.propagationTimeout());
            return new EntryData.Propagated(p.took(), p.answers());
        });
    }

    /** Post-migration: the switched records get the TTL their RRsets had before the moratorium. */
    void restoreTtl() {
        steps.step(Phase.POST_MIGRATION, StepNames.RESTORE_TTL, () -> new EntryData.Note(dns.change(Phase.POST_MIGRATION,
                "restore TTL", List.of(switched()), restored())));
    }

    /** Rollback: the records go back exactly to what the moratorium read, from wherever the cutover left them. */
    void revert(Phase phase) {
        steps.step(phase, StepNames.ROLLBACK_DNS, () -> {
            List<DnsRecord> original = original();
            String note = dns.change(phase, "revert DNS", List.of(switched(), restored(), lowered()), original);
            dns.awaitPropagation(phase, original, cutover.propagationTimeout());
            return new EntryData.Note(note);
        });
    }

    /** Whether visitors may have reached the new server: the switch was journaled, or the records moved on. */
    boolean trafficMoved() {
        return steps.state().step(Phase.FINAL_SYNC, StepNames.DNS_SWITCH).isPresent()
                || !DnsRecords.same(dns.read(), lowered());
    }

    private List<DnsRecord> original() {
        return steps.state().stepData(Phase.MORATORIUM, StepNames.DNS_READ, EntryData.DnsRead.class).orElseThrow()
                .records();
    }

    private List<DnsRecord> lowered() {
        return DnsRecords.capTtl(original(), cutover.lowTtl().toSeconds());
    }

    private List<DnsRecord> switched() {
        return DnsRecords.withTtl(cutover.records(), cutover.lowTtl().toSeconds());
    }

    private List<DnsRecord> restored() {
        return DnsRecords.restoreTtl(cutover.records(), original());
    }
}
