package io.sitemove.dns.internal;

import io.sitemove.dns.DnsUpdateException;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/** Turns the response code of an update into success or a {@link DnsUpdateException} that says what to do. */
public final class UpdateOutcome {
    private UpdateOutcome() {
    }

    /** Returns when the update was made (NOERROR); throws otherwise. */
    public static void require(Message response, String server, String zone, String keyLabel) {
        int rcode = response.getRcode();
        if (rcode == Rcode.NOERROR) {
            return;
        }
        String name = Rcode.string(rcode);
        String prefix = "update of zone " + zone + " at " + server + " refused (" + name + "): ";
        String text = switch (rcode) {
            case Rcode.NXRRSET, Rcode.YXRRSET, Rcode.NXDOMAIN, Rcode.YXDOMAIN -> prefix
                    + "the records changed since they were read (compare-and-swap failed); nothing was changed:"
                    + " read them again and decide";
            case Rcode.NOTAUTH, Rcode.REFUSED -> prefix + keyLabel + " is not authorised to change these records, or"
                    + " the server refused; nothing was changed: grant the key an update-policy for them in zone " + zone
                    + " and check that " + server + " is the zone's primary";
            case Rcode.NOTZONE -> prefix + "a name lies outside zone " + zone + "; nothing was changed";
            case Rcode.SERVFAIL -> prefix + "the server failed; nothing was changed: check its log, then try again";
            default -> prefix + "nothing was changed: check the server's log";
        };
        throw new DnsUpdateException(text, rcode, 0, rcode == Rcode.SERVFAIL);
    }
}
