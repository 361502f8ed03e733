package io.sitemove.examples;

import io.sitemove.MigrationPlan;

/** Plan changes the end-to-end tests share. */
final class Plans {
    private Plans() {
    }

    /** The same plan, its cutover not waiting for the old TTL to expire (the tests' TTLs are seconds anyway). */
    static MigrationPlan withoutTtlWait(MigrationPlan plan) {
        return plan.toBuilder().dns(plan.dns().orElseThrow().toBuilder().waitForTtlExpiry(false).build()).build();
    }
}
