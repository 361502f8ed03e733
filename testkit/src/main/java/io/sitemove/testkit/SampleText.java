package io.sitemove.testkit;

import java.util.List;
import java.util.Random;

/** Deterministic filler text for the sample site: words in a few scripts, and some emoji. */
final class SampleText {

    private static final List<String> WORDS = List.of(
            "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do",
            "eiusmod", "tempor", "incididunt", "labore", "magna", "aliqua", "veniam", "quis", "nostrud",
            "exercitation", "ullamco", "laboris", "nisi", "aliquip", "commodo", "consequat", "café",
            "naïve", "Grüße", "Straße", "smörgåsbord", "żółw", "日本語", "Привет", "مرحبا", "שלום");
    private static final List<String> EMOJI = List.of("🚀", "😀", "🎉", "☕", "🌍", "👍🏽", "🇫🇷");

    private final Random random;

    SampleText(Random random) {
        this.random = random;
    }

    String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS.get(random.nextInt(WORDS.size())));
            if (random.nextInt(25) == 0) {
                text.append(' ').append(EMOJI.get(random.nextInt(EMOJI.size())));
            }
        }
        return text.toString();
    }

    /** Text of roughly the given size in bytes. */
    String ofSize(int bytes) {
        StringBuilder text = new StringBuilder(bytes + 64);
        while (text.length() < bytes) {
            text.append(words(8 + random.nextInt(8))).append(".\n");
        }
        return text.toString();
    }

    String slug(int words) {
        StringBuilder slug = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                slug.append('-');
            }
            slug.append(WORDS.get(random.nextInt(26)));
        }
        return slug.toString();
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    Random random() {
        return random;
    }
}
