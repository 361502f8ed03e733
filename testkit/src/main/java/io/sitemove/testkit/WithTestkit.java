package io.sitemove.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link Testkit} for a JUnit 5 test class, shared by its tests, and stops it after
 * them. Tests receive it as a parameter of the constructor, a {@code @BeforeAll} or a test method.
 * Its work directory is {@code target/testkit/<TestClassSimpleName>-<random>}, deleted after the
 * class when all its tests passed and kept, with every server's log, when one failed.
 *
 * <pre>{@code
 * @WithTestkit(web = true)
 * class MigrationIT {
 *     @Test
 *     void copiesTheSite(Testkit testkit) { ... testkit.oldSsh() ... }
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestkitExtension.class)
public @interface WithTestkit {

    /**
     * Whether to start the two sshd.
     *
     * @return true to start them
     */
    boolean ssh() default true;

    /**
     * Whether to start the two MariaDB servers.
     *
     * @return true to start them
     */
    boolean mariaDb() default true;

    /**
     * Whether to start BIND.
     *
     * @return true to start it
     */
    boolean dns() default true;

    /**
     * Whether to start a secondary BIND too, fed by zone transfer from the first (see
     * {@link Testkit.Builder#dnsSecondary(boolean)}); implies {@link #dns()}.
     *
     * @return true to start it
     */
    boolean dnsSecondary() default false;

    /**
     * Whether the primary notifies the secondary after each change; false for a secondary that
     * lags until {@link Testkit#notifySecondary()}. Only with {@link #dnsSecondary()}.
     *
     * @return false for a lagging secondary
     */
    boolean notifySecondary() default true;

    /**
     * Whether to start nginx with php-fpm on both sides.
     *
     * @return true to start them
     */
    boolean web() default false;
}
