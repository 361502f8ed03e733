package io.sitemove.journal;

import io.sitemove.spi.JournalLease;
import io.sitemove.spi.LeaseHolder;
import java.nio.file.Path;
import java.time.Instant;

/** A second process that takes a site's lease in a journal directory, says HELD, and holds it until killed. */
public final class LeaseHolderChild {
    private LeaseHolderChild() {
    }

    public static void main(String[] args) throws Exception {
        JournalLease lease = new DirectoryJournal(Path.of(args[0])).lease(args[1],
                LeaseHolder.thisProcess("child runner", Instant.now()), false);
        System.out.println("HELD " + lease.holder().pid());
        System.out.flush();
        System.in.read();
        lease.close();
    }
}
