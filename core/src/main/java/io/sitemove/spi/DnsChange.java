package io.sitemove.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A planned change of some RRsets: what they are now and what they become. Applied with a
 * prerequisite that they still are {@link #before()} (compare-and-swap); {@link #inverse()} reverts it.
 *
 * @param before the records as read before the change
 * @param after the records after the change
 */
public record DnsChange(List<DnsRecord> before, List<DnsRecord> after) {
    public DnsChange {
        before = List.copyOf(Objects.requireNonNull(before, "before cannot be null"));
        after = List.copyOf(Objects.requireNonNull(after, "after cannot be null"));
    }

    /** The change that undoes this one. */
    public DnsChange inverse() {
        return new DnsChange(after, before);
    }

    /** True when applying it would change nothing. */
    public boolean isEmpty() {
        return before.size() == after.size() && before.containsAll(after);
    }

    /** One line per record removed ("- ...") and added ("+ ..."), for a panel to show. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        before.stream().filter(r -> !after.contains(r)).forEach(r -> lines.add("- " + r));
        after.stream().filter(r -> !before.contains(r)).forEach(r -> lines.add("+ " + r));
        return lines;
    }
}
