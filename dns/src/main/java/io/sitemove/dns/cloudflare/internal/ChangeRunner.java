package io.sitemove.dns.cloudflare.internal;

import io.sitemove.dns.DnsPartialChangeException;
import io.sitemove.spi.DnsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a change's calls one by one. Cloudflare changes one record per call, so when a call fails
 * the calls already made are undone in reverse order (a deleted record created again as it was, an
 * overwritten one put back, a created one deleted), the records are read back, and a
 * {@link DnsPartialChangeException} says what was applied, what was undone and whether anything is
 * left changed: never silent.
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
                throw failed(i, steps.size(), step, e, done, before, readBack);
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

    private DnsPartialChangeException failed(int index, int total, Step step, RuntimeException cause, List<Done> done,
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
        Optional<List<DnsRecord>> now;
        String unread = null;
        try {
            now = Optional.of(readBack.get());
        } catch (RuntimeException e) {
            now = Optional.empty();
            unread = e.getMessage();
        }
        DnsPartialChangeException failure = DnsPartialChangeException.of("Cloudflare", store.zone().name(),
                new DnsPartialChangeException.Calls(index + 1, total, step.describe(),
                        done.stream().map(Done::applied).toList(), undone, notUndone), before, now, unread, cause);
        LOG.warn("{}", failure.getMessage());
        return failure;
    }
}
