package io.sitemove.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README shows the code of {@link ReadmeExample} as it is compiled, line for line. */
class ReadmeExampleTest {
    @Test
    void theReadmesExampleIsTheCompiledOne() throws Exception {
        List<String> source = Files.readAllLines(Path.of("src/main/java/io/sitemove/examples/ReadmeExample.java"));
        List<String> example = source.subList(source.indexOf("        // README example begins") + 1,
                source.indexOf("        // README example ends")).stream().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .toList();
        String readme = Files.readString(Path.of("../README.md"));
        String block = "```java\n" + String.join("\n", example) + "\n```";

        assertTrue(example.size() > 30, "the example was found in the source");
        assertEquals(1, readme.split(java.util.regex.Pattern.quote(block), -1).length - 1,
                "README.md holds the example exactly once, as ReadmeExample has it:\n" + block);
    }
}
