package io.sitemove.verify.internal.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.verify.EnvironmentParity.Aspect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EnvFactsParsingTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void phpOutputIsReadEntryByEntrySkippingWhatItDoesNotKnow() {
        PhpFacts php = PhpFacts.parse(bytes("Deprecated: x\nversion=8.1.27\0ext=Core\0ext=PDO\0\0junk\0=x\0"
                + "ini.memory_limit=256M\0ini.max_execution_time=0\0ext=cut-off"));

        assertEquals("8.1.27", php.version());
        assertEquals("8.1", php.minorVersion());
        assertEquals("8", php.majorVersion());
        assertEquals(new TreeSet<>(Set.of("core", "pdo")), php.extensions());
        assertEquals(Map.of("memory_limit", "256M", "max_execution_time", "0"), php.settings());
    }

    @Test
    void phpOutputWithoutAVersionIsNoPhp() {
        assertNull(PhpFacts.parse(bytes("sh: 1: php: not found\n")));
        assertNull(PhpFacts.parse(bytes("version=garbage\0ext=core\0")));
    }

    @Test
    void fpmOutputGivesItsPathModulesVersionAndSettings() {
        String out = "/usr/sbin/php-fpm8.2\n[PHP Modules]\ncalendar\nCore\n\n[Zend Modules]\nZend OPcache\n"
                + FpmFacts.SEPARATOR + "\nphpinfo()\nPHP Version => 8.2.36\n\nmemory_limit => 128M => 64M\n"
                + "upload_max_filesize => 2M => 2M\n";

        FpmFacts.Fpm fpm = FpmFacts.parse(out);

        assertEquals("/usr/sbin/php-fpm8.2", fpm.path());
        assertEquals("8.2.36", fpm.php().version());
        assertEquals(new TreeSet<>(Set.of("calendar", "core", "zend opcache")), fpm.php().extensions());
        assertEquals(Map.of("memory_limit", "128M", "upload_max_filesize", "2M"), fpm.php().settings());
        assertNull(FpmFacts.parse(""));
    }

    @Test
    void iniSizesCompareAsNumbersWithUnlimitedAboveAll() {
        assertTrue(IniValues.lower("memory_limit", "1G", "512M"));
        assertFalse(IniValues.lower("memory_limit", "128M", "-1"));
        assertTrue(IniValues.lower("memory_limit", "-1", "8G"));
        assertFalse(IniValues.lower("max_execution_time", "30", "0"));
        assertTrue(IniValues.lower("max_execution_time", "0", "300"));
        assertFalse(IniValues.lower("upload_max_filesize", "2M", "2048K"));
    }

    @Test
    void phpComparisonNamesTheAspectBothValuesAndBothServers() {
        PhpFacts old = new PhpFacts("8.1.2", Set.of("core", "intl", "mbstring"), Map.of("memory_limit", "256M"));
        PhpFacts neu = new PhpFacts("8.2.9", Set.of("core"), Map.of("memory_limit", "128M"));

        List<Difference> d = Comparison.hosts(new HostFacts("old", old, null, "not checked: x", "nginx/1.22.1"),
                new HostFacts("new", neu, null, "not checked: y", "Apache/2.4.57"));

        assertEquals(new Difference(Aspect.PHP_MINOR_VERSION, "PHP version (CLI)", true,
                "PHP version (CLI) differs: 8.1.2 on old, 8.2.9 on new"), d.get(0));
        assertEquals(new Difference(Aspect.PHP_EXTENSION, "PHP extensions (CLI)", true,
                "PHP extensions (CLI) differ: intl, mbstring loaded on old, missing on new"), d.get(1));
        assertEquals("PHP memory_limit (CLI) differs: 256M on old, 128M on new", d.get(2).detail());
        assertEquals("PHP-FPM pool not checked: x on old, not checked: y on new", d.get(3).detail());
        assertFalse(d.get(3).differs());
        assertEquals("web server differs: nginx/1.22.1 on old, Apache/2.4.57 on new", d.get(4).detail());
    }

    @Test
    void sqlModesCompareAsSetsOfModes() {
        DbFacts old = new DbFacts("a:1", "10.11.6-MariaDB", "STRICT_TRANS_TABLES,NO_ZERO_DATE", "utf8mb4",
                "utf8mb4_general_ci", "SYSTEM (UTC)", 16_777_216, 0);
        DbFacts reordered = new DbFacts("b:2", "10.11.9-MariaDB", "no_zero_date,STRICT_TRANS_TABLES", "utf8mb4",
                "utf8mb4_general_ci", "SYSTEM (UTC)", 16_777_216, 0);

        assertTrue(Comparison.databases(old, reordered).stream().noneMatch(Difference::differs));
        assertEquals("MariaDB 10.11", old.release());
    }
}
