<?php
/*
 * PHP's own unserialize() as the judge of a replace: streams the values of two copies of a table side by side,
 * in key order, and counts the values that are serialized in the reference copy (they unserialize) and, of
 * those, the ones that no longer unserialize in the copy under judgement.
 *
 * Usage: php unserialize-check.php HOST PORT USER REFERENCE_DATABASE JUDGED_DATABASE TABLE KEY COLUMN
 * (the password comes from the environment variable BENCH_DB_PASSWORD)
 * Prints: "serialized=M broken=N".
 */

mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);

[, $host, $port, $user, $reference, $judged, $table, $key, $column] = $argv;
$db = new mysqli($host, $user, getenv('BENCH_DB_PASSWORD'), '', (int) $port);
$db->set_charset('utf8mb4');

function ident(string $name): string
{
    return '`' . str_replace('`', '``', $name) . '`';
}

function unserializes(?string $v): bool
{
    return $v !== null && ($v === 'b:0;' || @unserialize($v) !== false);
}

$k = ident($key);
$c = ident($column);
$result = $db->query('SELECT r.' . $c . ', j.' . $c . ' FROM ' . ident($reference) . '.' . ident($table) . ' r JOIN '
    . ident($judged) . '.' . ident($table) . " j USING ($k) ORDER BY $k", MYSQLI_USE_RESULT);
$serialized = 0;
$broken = 0;
while ($row = $result->fetch_row()) {
    if (unserializes($row[0])) {
        $serialized++;
        if (!unserializes($row[1])) {
            $broken++;
        }
    }
}
$result->free();
echo "serialized=$serialized broken=$broken\n";
