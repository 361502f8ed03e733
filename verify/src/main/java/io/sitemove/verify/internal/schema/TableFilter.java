package io.sitemove.verify.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The tables (and views) left out of the comparison: names, where {@code *} stands for any run of
 * characters ({@code wp_wfhits}, {@code cache_*}). Immutable.
 */
public final class TableFilter implements Predicate<String> {
    private final List<String> patterns;
    private final List<Pattern> compiled;

    private TableFilter(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        List<Pattern> c = new ArrayList<>();
        for (String p : patterns) {
            c.add(Pattern.compile(Pattern.quote(p).replace("*", "\\E.*\\Q")));
        }
        this.compiled = List.copyOf(c);
    }

    /** Leaves nothing out. */
    public static TableFilter none() {
        return new TableFilter(List.of());
    }

    /**
     * This filter leaving out these too.
     *
     * @throws NullPointerException for a null name ("table cannot be null")
     * @throws IllegalArgumentException for a blank one
     */
    public TableFilter excluding(String... names) {
        Objects.requireNonNull(names, "tables cannot be null");
        List<String> all = new ArrayList<>(patterns);
        for (String name : names) {
            Objects.requireNonNull(name, "table cannot be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("an excluded table name cannot be blank");
            }
            all.add(name);
        }
        return new TableFilter(all);
    }

    /** Whether the table is compared: it matches no exclusion. */
    @Override
    public boolean test(String table) {
        return compiled.stream().noneMatch(p -> p.matcher(table).matches());
    }

    /** The exclusions as given. */
    public List<String> patterns() {
        return patterns;
    }
}
