package io.sitemove.dns.cloudflare.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitemove.spi.DnsRecord;

/** One call of a change: overwrite, delete or create one record. */
public sealed interface Step {
    /** What it does, for messages and logs. */
    String describe();

    /**
     * Overwrites a record, keeping its id.
     *
     * @param old the record as it was
     * @param to the record it becomes
     * @param body the PUT body
     */
    record Overwrite(CfRecord old, DnsRecord to, ObjectNode body) implements Step {
        @Override
        public String describe() {
            return "overwrite " + old.record() + " with " + to + " (id " + old.id() + ")";
        }
    }

    /**
     * Deletes a record.
     *
     * @param old the record deleted
     */
    record Delete(CfRecord old) implements Step {
        @Override
        public String describe() {
            return "delete " + old.record() + " (id " + old.id() + ")";
        }
    }

    /**
     * Creates a record.
     *
     * @param record the record created
     * @param body the POST body
     */
    record Create(DnsRecord record, ObjectNode body) implements Step {
        @Override
        public String describe() {
            return "create " + record;
        }
    }
}
