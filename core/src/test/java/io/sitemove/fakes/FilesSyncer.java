package io.sitemove.fakes;

import io.sitemove.spi.Syncer;
import java.util.Set;

/** A test syncer named "files" that writes "fake:files"; subclasses say what a sync does. */
public abstract class FilesSyncer implements Syncer {
    @Override
    public final String name() {
        return "files";
    }

    @Override
    public final Set<String> writes() {
        return Set.of("fake:files");
    }
}
