package io.sitemove.verify.internal.http;

import java.util.List;
import java.util.Objects;

/**
 * What a page says, for comparing the old server's page with the new one's.
 *
 * @param title the text of {@code <title>}, or empty
 * @param selected the texts each chosen CSS selector matched, in the order the selectors were given
 * @param sha256 the SHA-256 (hex) of the body after the normalisation rules
 */
public record PageFacts(String title, List<Selected> selected, String sha256) {
    /** Copies the list. */
    public PageFacts {
        Objects.requireNonNull(title, "title cannot be null");
        selected = List.copyOf(selected);
        Objects.requireNonNull(sha256, "sha256 cannot be null");
    }

    /**
     * The elements one selector matched.
     *
     * @param selector the CSS selector
     * @param texts each matched element's text, in document order
     */
    public record Selected(String selector, List<String> texts) {
        /** Copies the list. */
        public Selected {
            Objects.requireNonNull(selector, "selector cannot be null");
            texts = List.copyOf(texts);
        }
    }
}
