package io.sitemove.examples;

import io.sitemove.testkit.Testkit;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The demo's servers and sample site for one test class: started before its tests, stopped after
 * them, under {@code target/testkit/<class>-<nanos>}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DemoServers demo = new DemoServers();
 * }</pre>
 */
final class DemoServers implements BeforeAllCallback, AfterAllCallback {
    private Testkit kit;
    private SiteSettings settings;
    private Path work;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        work = Path.of("target/testkit/" + context.getRequiredTestClass().getSimpleName() + "-" + System.nanoTime());
        kit = Demo.startServers(work);
        settings = Demo.prepare(kit);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (kit != null) {
            kit.close();
        }
    }

    Testkit kit() {
        return kit;
    }

    SiteSettings settings() {
        return settings;
    }

    Path work() {
        return work;
    }
}
