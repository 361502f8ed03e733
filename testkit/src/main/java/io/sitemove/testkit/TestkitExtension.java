package io.sitemove.testkit;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link WithTestkit}: starts the testkit before the class's tests
 * (or when first asked for, as by a constructor), resolves parameters of type {@link Testkit},
 * and closes it after all tests of the class. When they all passed, it deletes the work directory
 * too; after a failure it keeps it, with the servers' logs, for inspection.
 */
public final class TestkitExtension
        implements BeforeAllCallback, AfterTestExecutionCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestkitExtension.class);
    private static final String KEY = "testkit";
    private static final String FAILED = "failed";

    /** Creates the extension; JUnit does this. */
    public TestkitExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        testkitFor(context);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            annotatedClassContext(context).getStore(NAMESPACE).put(FAILED, Boolean.TRUE);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Testkit testkit = store.remove(KEY, Testkit.class);
        if (testkit == null) {
            return;
        }
        testkit.close();
        boolean failed = store.remove(FAILED) != null || context.getExecutionException().isPresent();
        if (!failed) {
            Dirs.deleteTree(testkit.workDir());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Testkit.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return testkitFor(extensionContext);
    }

    private static Testkit testkitFor(ExtensionContext context) {
        ExtensionContext classContext = annotatedClassContext(context);
        Testkit existing = classContext.getStore(NAMESPACE).get(KEY, Testkit.class);
        if (existing != null) {
            return existing;
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        WithTestkit options = AnnotationSupport.findAnnotation(testClass, WithTestkit.class)
                .orElseThrow(() -> new IllegalStateException(testClass.getName() + " is not annotated @WithTestkit"));
        Testkit testkit = builder(testClass, options).start();
        classContext.getStore(NAMESPACE).put(KEY, testkit);
        return testkit;
    }

    private static ExtensionContext annotatedClassContext(ExtensionContext context) {
        Optional<ExtensionContext> current = Optional.of(context);
        while (current.isPresent()) {
            ExtensionContext candidate = current.get();
            boolean annotated = candidate.getTestClass()
                    .map(type -> AnnotationSupport.isAnnotated(type, WithTestkit.class))
                    .orElse(false);
            if (annotated && candidate.getTestMethod().isEmpty()) {
                return candidate;
            }
            current = candidate.getParent();
        }
        throw new IllegalStateException("no test class annotated @WithTestkit around " + context.getDisplayName());
    }

    private static Testkit.Builder builder(Class<?> testClass, WithTestkit options) {
        Path workDir = Path.of("target", "testkit", testClass.getSimpleName() + "-" + Secrets.lowercaseToken(6));
        Testkit.Builder builder = Testkit.builder(workDir);
        if (options.ssh()) {
            builder.ssh();
        }
        if (options.mariaDb()) {
            builder.mariaDb();
        }
        if (options.dns()) {
            builder.dns();
        }
        if (options.dnsSecondary()) {
            builder.dnsSecondary(options.notifySecondary());
        }
        if (options.web()) {
            builder.web();
        }
        return builder;
    }
}
