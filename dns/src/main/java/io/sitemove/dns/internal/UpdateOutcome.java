package io.sitemove.dns.internal;

import io.sitemove.DnsConflictException;
import io.sitemove.dns.DnsException;
import io.sitemove.dns.DnsUpdateException;
import io.sitemove.spi.DnsRecord;
import java.util.List;
import java.util.function.Supplier;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/**
 * Turns the response code of an update into success, a {@link DnsConflictException} when a
 * prerequisite failed (the compare-and-swap), or a {@link DnsUpdateException} that says what to do.
 */
public final class UpdateOutcome {
    private UpdateOutcome() {
    }

    /**
     * Returns when the update was made (NOERROR); throws otherwise.
     *
     * @param where "zone example.com. at 192.0.2.53:53"
     * @param expected the records the update's prerequisites named
     * @param readAgain reads the records as they are now, for a failed prerequisite's report
     */
    public static void require(Message response, String where, String keyLabel, List<DnsRecord> expected,
            Supplier<List<DnsRecord>> readAgain) {
        int rcode = response.getRcode();
        if (rcode == Rcode.NOERROR) {
            return;
        }
        String name = Rcode.string(rcode);
        if (rcode == Rcode.NXRRSET || rcode == Rcode.YXRRSET || rcode == Rcode.NXDOMAIN || rcode == Rcode.YXDOMAIN) {
            throw conflict(where + ", whose prerequisites refused the update (" + name + ")", expected, readAgain);
        }
        String prefix = "update of " + where + " refused (" + name + "): ";
        String text = switch (rcode) {
            case Rcode.NOTAUTH, Rcode.REFUSED -> prefix + keyLabel + " is not authorised to change these records, or"
                    + " the server refused; nothing was changed: grant the key an update-policy for them in the zone"
                    + " and check that the server is the zone's primary";
            case Rcode.NOTZONE -> prefix + "a name lies outside the zone; nothing was changed";
            case Rcode.SERVFAIL -> prefix + "the server failed; nothing was changed: check its log, then try again";
            default -> prefix + "nothing was changed: check the server's log";
        };
        throw new DnsUpdateException(text, rcode, 0, rcode == Rcode.SERVFAIL);
    }

    private static DnsConflictException conflict(String where, List<DnsRecord> expected,
            Supplier<List<DnsRecord>> readAgain) {
        try {
            return DnsConflictException.of(where, expected, readAgain.get());
        } catch (DnsException e) {
            DnsConflictException conflict = DnsConflictException.of(where + " (the records could not be read again)",
                    expected, List.of());
            conflict.addSuppressed(e);
            return conflict;
        }
    }
}
