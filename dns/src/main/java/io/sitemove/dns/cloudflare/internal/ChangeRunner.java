package io.sitemove.dns.cloudflare.internal;

import io.sitemove.dns.DnsException;
import io.sitemove.spi.DnsRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a change's calls one by one. Cloudflare changes one record per call, so when a call fails
 * the calls already made are undone in reverse order (a deleted record created again as it was, an
 * overwritten one put back, a created one deleted), the records are read back, and the exception
 * says what was applied, what was undone and whether anything is left changed: never silent.
 */
public final class ChangeRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeRunner.class);

    private final RecordStore store;

    public ChangeRunner(RecordStore store) {
        this.store = store;
    }

    private record Done(String applied, String undoing, Runnable undo) {
    }

    /**
     * @param steps the calls, in order
     * @param before the records before the change, values canonical
     * @param readBack reads the changed RRsets again
     */
    public void run(List<Step> steps, List<DnsRecord> before, Supplier<List<DnsRecord>> readBack) {
        List<Done> done = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            try {
                LOG.info("zone {} at Cloudflare: {}", store.zone().name(), step.describe());
                done.add(execute(step));
            } catch (RuntimeException e) {
                DnsException cause = e instanceof DnsException d ? d
                        : new DnsException("unexpected failure: " + e, e, false);
                throw failed(i, steps.size(), step, cause, done, before, readBack);
            }
        }
    }

    private Done execute(Step step) {
        String zone = " in zone " + store.zone().name();
        if (step instanceof Step.Overwrite o) {
            store.overwrite(o.old().id(), o.body(), "the overwrite of " + o.old().record() + zone);
            String undoing = "put back " + o.old().record() + " (id " + o.old().id() + ")";
            return new Done(o.describe(), undoing, () -> store.overwrite(o.old().id(), o.old().original(),
                    "putting back " + o.old().record() + zone));
        }
        if (step instanceof Step.Delete d) {
            store.delete(d.old().id(), "the deletion of " + d.old().record() + zone);
            return new Done(d.describe(), "create again " + d.old().record(),
                    () -> store.create(d.old().original(), "creating again " + d.old().record() + zone));
        }
        Step.Create c = (Step.Create) step;
        CfRecord created = store.create(c.body(), "the creation of " + c.record() + zone);
        return new Done(c.describe() + " (id " + created.id() + ")", "delete " + created,
                () -> store.delete(created.id(), "deleting " + c.record() + " again" + zone));
    }

    private DnsException failed(int index, int total, Step step, DnsException cause, List<Done> done,
            List<DnsRecord> before, Supplier<List<DnsRecord>> readBack) {
        List<String> undone = new ArrayList<>();
        List<String> notUndone = new ArrayList<>();
        for (int i = done.size() - 1; i >= 0; i--) {
            Done d = done.get(i);
            try {
                d.undo().run();
                undone.add(d.undoing());
            } catch (RuntimeException e) {
                notUndone.add(d.undoing() + ": " + e.getMessage());
            }
        }
        StringBuilder m = new StringBuilder("change of zone ").append(store.zone().name()).append(" at Cloudflare failed at")
                .append(" call ").append(index + 1).append(" of ").append(total).append(" (").append(step.describe())
                .append("): ").append(cause.getMessage()).append(". Cloudflare changes one record per call, so this")
                .append(" change was not atomic. ");
        if (done.isEmpty()) {
            m.append("Nothing had been applied before. ");
        } else {
            m.append("Applied before the failure: ").append(done.stream().map(Done::applied).toList())
                    .append("; reverted: ").append(undone).append(". ");
            if (!notUndone.isEmpty()) {
                m.append("REVERT FAILED for: ").append(notUndone).append(". ");
            }
        }
        boolean asBefore = false;
        try {
            List<DnsRecord> now = readBack.get();
            asBefore = now.size() == before.size() && new HashSet<>(now).equals(new HashSet<>(before));
            if (asBefore) {
                m.append("The records are as before the change, ").append(before)
                        .append(": nothing is left changed; run the switch again once the cause is fixed.");
            } else {
                m.append("The records are LEFT CHANGED: they are now ").append(now).append(" but were ").append(before)
                        .append(" before the change; set them back in Cloudflare's dashboard or API, then run again.");
            }
        } catch (RuntimeException e) {
            m.append("The records could not be read back to confirm (").append(e.getMessage())
                    .append("); check in Cloudflare's dashboard that they are ").append(before)
                    .append(" as before the change.");
        }
        LOG.warn("{}", m);
        return new DnsException(m.toString(), cause, asBefore && cause.isTransient());
    }
}
