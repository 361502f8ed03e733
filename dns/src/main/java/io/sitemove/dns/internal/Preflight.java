package io.sitemove.dns.internal;

import io.sitemove.dns.DnsException;
import io.sitemove.dns.DnsTimeoutException;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.DnsRecord;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * The read-only checks of a switcher: the primary serves the zone, the key is accepted, the records can
 * be read. When the primary does not answer the first check, the others are failed without asking it
 * again, so that a server that never answers costs one wait, not three; all of them end within the
 * primary's operation deadline.
 */
public final class Preflight {
    private static final String COMPONENT = "dns";

    private final Primary primary;

    public Preflight(Primary primary) {
        this.primary = primary;
    }

    public List<CheckResult> run(List<RRsetKey> sets) {
        List<CheckResult> out = new ArrayList<>();
        String soaCheck = "primary " + primary.label() + " serves zone " + primary.scope();
        String keyCheck = primary.keyLabel() + " may update zone " + primary.scope();
        String recordsCheck = "records to switch can be read";
        try {
            out.add(CheckResult.pass(COMPONENT, soaCheck, "authoritative, serial " + primary.serial()));
        } catch (DnsTimeoutException e) {
            out.add(CheckResult.failed(COMPONENT, soaCheck, e));
            String skipped = "not checked: " + primary.label() + " did not answer the check that it serves the zone";
            out.add(new CheckResult(COMPONENT, keyCheck, false, skipped, e.isTransient()));
            out.add(new CheckResult(COMPONENT, recordsCheck, false, skipped, e.isTransient()));
            return out;
        } catch (DnsException e) {
            out.add(CheckResult.failed(COMPONENT, soaCheck, e));
        }
        out.add(key(keyCheck));
        out.add(records(recordsCheck, sets));
        return out;
    }

    private CheckResult key(String check) {
        Update probe = new Update(primary.scope().zone());
        probe.present(primary.scope().zone(), Type.SOA);
        try {
            Message response = primary.exchange(probe, "an update with only a prerequisite (changes nothing)", true);
            int rcode = response.getRcode();
            if (rcode != Rcode.NOERROR) {
                return CheckResult.fail(COMPONENT, check, primary.label() + " answered " + Rcode.string(rcode)
                        + " to an update that changes nothing: allow updates of zone " + primary.scope()
                        + " with this key (update-policy or allow-update) on its primary");
            }
            return CheckResult.pass(COMPONENT, check, "an update that changes nothing was accepted and its answer"
                    + " is signed with the key");
        } catch (DnsException e) {
            return CheckResult.failed(COMPONENT, check, e);
        }
    }

    private CheckResult records(String check, List<RRsetKey> sets) {
        try {
            List<DnsRecord> records = primary.read(sets);
            return CheckResult.pass(COMPONENT, check, records.isEmpty() ? "none exist yet at " + sets : records.toString());
        } catch (DnsException | IllegalArgumentException e) {
            return CheckResult.fail(COMPONENT, check, e.getMessage());
        }
    }
}
