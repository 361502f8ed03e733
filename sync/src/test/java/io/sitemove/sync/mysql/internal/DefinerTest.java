package io.sitemove.sync.mysql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DefinerTest {
    @Test
    void rewritesQuotedAndBareDefinersOnlyInTheHeader() {
        Definer wp = Definer.of("wp@localhost");

        assertEquals("CREATE DEFINER=`wp`@`localhost` TRIGGER t AFTER INSERT ON a FOR EACH ROW SET @d = 'DEFINER=`x`@`y`'",
                wp.rewrite("CREATE DEFINER=`app``s`@`%` TRIGGER t AFTER INSERT ON a FOR EACH ROW SET @d = 'DEFINER=`x`@`y`'"));
        assertEquals("CREATE ALGORITHM=UNDEFINED DEFINER=CURRENT_USER SQL SECURITY DEFINER VIEW v AS SELECT 1",
                Definer.currentUser().rewrite("CREATE ALGORITHM=UNDEFINED DEFINER='root'@'10.0.0.%' SQL SECURITY DEFINER"
                        + " VIEW v AS SELECT 1"));
        assertEquals("CREATE DEFINER=`wp`@`localhost` PROCEDURE p() SELECT 1",
                wp.rewrite("CREATE DEFINER=root@localhost PROCEDURE p() SELECT 1"));
        assertEquals("CREATE PROCEDURE p() SELECT 1", wp.rewrite("CREATE PROCEDURE p() SELECT 1"));
    }

    @Test
    void accountsAreUserAtHostAndQuoted() {
        assertEquals("DEFINER=`o``neil`@`%`", Definer.of("o`neil@%").toString());
        assertThrows(IllegalArgumentException.class, () -> Definer.of("nohost"));
        assertThrows(IllegalArgumentException.class, () -> Definer.of("@host"));
        assertThrows(NullPointerException.class, () -> Definer.of(null));
    }
}
