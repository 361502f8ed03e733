/**
 * Side-by-side benchmarks: sitemove against the tools a user would otherwise pick, on the same data
 * in the same run, on the testkit's servers. Each suite checks that both produced the same result
 * and prints {@code BENCH <suite> <case> sitemove=<s> <peer>=<s> ratio=<sitemove/peer>} lines.
 */
package io.sitemove.bench;
