package io.sitemove.verify.internal.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TableFilterTest {
    @Test
    void namesAndStarsLeaveTablesOutAndNothingElse() {
        TableFilter f = TableFilter.none().excluding("wp_wfhits", "cache_*");

        assertFalse(f.test("wp_wfhits"));
        assertFalse(f.test("cache_"));
        assertFalse(f.test("cache_pages"));
        assertTrue(f.test("wp_wfhits2"));
        assertTrue(f.test("my_cache_pages"));
        assertTrue(TableFilter.none().test("anything"));
    }

    @Test
    void regexCharactersInANameAreTakenLiterally() {
        TableFilter f = TableFilter.none().excluding("a.b", "x(y)*");

        assertFalse(f.test("a.b"));
        assertTrue(f.test("aXb"));
        assertFalse(f.test("x(y)z"));
    }
}
