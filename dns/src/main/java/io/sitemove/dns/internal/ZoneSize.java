package io.sitemove.dns.internal;

import io.sitemove.dns.DnsException;
import io.sitemove.dns.DnsTimeoutException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.xbill.DNS.Record;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/**
 * Counts the records of the zone with a full zone transfer (AXFR) from the primary over TCP, signed
 * with the TSIG key; every message of the transfer is verified. Records are counted as they stream
 * in, none is kept; the SOA that opens the transfer and the one that closes it are not counted. The
 * whole transfer, connecting included, must end within the time left of the primary's operation deadline.
 */
public final class ZoneSize {
    private final Primary primary;

    public ZoneSize(Primary primary) {
        this.primary = primary;
    }

    /** The number of records in the zone, both SOAs of the transfer left out. */
    public long count() {
        String what = "a zone transfer (AXFR) of zone " + primary.scope() + " from " + primary.label() + " with "
                + primary.keyLabel();
        ZoneTransferIn transfer = ZoneTransferIn.newAXFR(primary.scope().zone(), primary.address(), primary.tsig());
        Duration bound = primary.timeLeft(what);
        transfer.setTimeout(bound);
        Counter counter = new Counter();
        try {
            transfer.run(counter);
        } catch (ZoneTransferException e) {
            throw new DnsException(what + " failed (" + e.getMessage() + "); allow transfers of the zone with this key"
                    + " on the primary (BIND: allow-transfer { key \"...\"; };) and check key name, algorithm and"
                    + " secret", e, false);
        } catch (SocketTimeoutException e) {
            throw new DnsTimeoutException(what + " did not complete within the operation's deadline of "
                    + Settings.text(primary.operationTimeout()) + ", which bounds a whole transfer: check that the"
                    + " name server runs and answers, or raise operationTimeout for a large zone", e);
        } catch (IOException e) {
            throw new DnsTimeoutException(what + " did not complete: " + Queries.reason(e)
                    + "; check that the name server runs and that TCP to its port is open", e);
        }
        if (counter.records < 2) {
            throw new DnsException(what + " ended after " + counter.records + " records, without its closing SOA",
                    null, true);
        }
        return counter.records - 2;
    }

    private static final class Counter implements ZoneTransferIn.ZoneTransferHandler {
        private long records;

        @Override
        public void startAXFR() {
            records = 0;
        }

        @Override
        public void startIXFR() throws ZoneTransferException {
            throw new ZoneTransferException("the server answered with an IXFR to an AXFR");
        }

        @Override
        public void startIXFRDeletes(Record soa) throws ZoneTransferException {
            startIXFR();
        }

        @Override
        public void startIXFRAdds(Record soa) throws ZoneTransferException {
            startIXFR();
        }

        @Override
        public void handleRecord(Record r) {
            records++;
        }
    }
}
