package io.sitemove.dns.internal;

import io.sitemove.dns.DnsException;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.DnsRecord;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/** The read-only checks of a switcher: the primary serves the zone, the key is accepted, the records can be read. */
public final class Preflight {
    private static final String COMPONENT = "dns";

    private final Primary primary;

    public Preflight(Primary primary) {
        this.primary = primary;
    }

    public List<CheckResult> run(List<RRsetKey> sets) {
        List<CheckResult> out = new ArrayList<>();
        out.add(soa());
        out.add(key());
        out.add(records(sets));
        return out;
    }

    private CheckResult soa() {
        String check = "primary " + primary.label() + " serves zone " + primary.scope();
        try {
            return CheckResult.pass(COMPONENT, check, "authoritative, serial " + primary.serial());
        } catch (DnsException e) {
            return CheckResult.fail(COMPONENT, check, e.getMessage());
        }
    }

    private CheckResult key() {
        String check = primary.keyLabel() + " may update zone " + primary.scope();
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
            return CheckResult.fail(COMPONENT, check, e.getMessage());
        }
    }

    private CheckResult records(List<RRsetKey> sets) {
        String check = "records to switch can be read";
        try {
            List<DnsRecord> records = primary.read(sets);
            return CheckResult.pass(COMPONENT, check, records.isEmpty() ? "none exist yet at " + sets : records.toString());
        } catch (DnsException | IllegalArgumentException e) {
            return CheckResult.fail(COMPONENT, check, e.getMessage());
        }
    }
}
