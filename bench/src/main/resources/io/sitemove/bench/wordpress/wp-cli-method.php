<?php
/*
 * The method of `wp search-replace OLD NEW TABLE` (WP-CLI's search-replace command, recursing into objects, its
 * default), written out for a plain PHP CLI with mysqli, so it runs without a WordPress install:
 *
 *  - every text column (varchar and the text types) of the table outside the primary key is handled on its own;
 *  - a column where no value starts like a serialized array, integer or object (REGEXP '^[aiO]:[1-9]') gets one
 *    SQL UPDATE ... REPLACE(); any other column goes the PHP way:
 *  - the primary keys of the rows whose value holds OLD (LIKE BINARY) are read in chunks of 1000, in key order;
 *  - for each key, the value is read with its own SELECT, then: if the value unserializes, every string inside
 *    it (array members, object properties, at any depth; a string that unserializes itself is treated the same
 *    way) gets str_replace(), and the result is serialized again; a value that does not unserialize gets
 *    str_replace() as it is;
 *  - a changed value is written with its own UPDATE ... WHERE key = ?, in autocommit, one statement per row.
 *
 * WP-CLI pages the keys with LIMIT/OFFSET and keeps every update until all chunks are read; this script pages by
 * the last key seen and updates after each chunk, which reads less and holds less, so it is if anything faster
 * than WP-CLI itself. Statements are prepared once. Tables with a one-column primary key only.
 *
 * Usage: php wp-cli-method.php HOST PORT USER DATABASE TABLE OLD NEW
 * (the password comes from the environment variable BENCH_DB_PASSWORD, never the command line)
 * Prints: "rows-changed=N columns-sql=N columns-php=N".
 */

mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);

[, $host, $port, $user, $database, $table, $old, $new] = $argv;
$db = new mysqli($host, $user, getenv('BENCH_DB_PASSWORD'), $database, (int) $port);
$db->set_charset('utf8mb4');

function ident(string $name): string
{
    return '`' . str_replace('`', '``', $name) . '`';
}

/** The value with OLD replaced in every string it holds, serialized again when it was serialized. */
function replace_in($data, bool $serialized, string $old, string $new)
{
    $unserialized = is_string($data) ? @unserialize($data) : false;
    if ($unserialized !== false) {
        $data = replace_in($unserialized, true, $old, $new);
    } elseif (is_array($data)) {
        foreach (array_keys($data) as $key) {
            $data[$key] = replace_in($data[$key], false, $old, $new);
        }
    } elseif (is_object($data) && !($data instanceof __PHP_Incomplete_Class)) {
        foreach ($data as $key => $value) {
            $data->$key = replace_in($value, false, $old, $new);
        }
    } elseif (is_string($data)) {
        $data = str_replace($old, $new, $data);
    }
    return $serialized ? serialize($data) : $data;
}

$t = ident($table);
$keys = [];
$text = [];
foreach ($db->query("DESCRIBE $t") as $column) {
    if ($column['Key'] === 'PRI') {
        $keys[] = $column['Field'];
    } elseif (str_contains($column['Type'], 'text') || str_contains($column['Type'], 'varchar')) {
        $text[] = $column['Field'];
    }
}
if (count($keys) !== 1) {
    fwrite(STDERR, "$table: a one-column primary key expected\n");
    exit(2);
}
$k = ident($keys[0]);
$like = '%' . addcslashes($old, '\\%_') . '%';
$changed = 0;
$sqlColumns = 0;
$phpColumns = 0;

foreach ($text as $name) {
    $c = ident($name);
    if ($db->query("SELECT 1 FROM $t WHERE $c REGEXP '^[aiO]:[1-9]' LIMIT 1")->num_rows === 0) {
        $update = $db->prepare("UPDATE $t SET $c = REPLACE($c, ?, ?)");
        $update->bind_param('ss', $old, $new);
        $update->execute();
        $changed += $update->affected_rows;
        $sqlColumns++;
        continue;
    }
    $phpColumns++;
    $first = $db->prepare("SELECT $k FROM $t WHERE $c LIKE BINARY ? ORDER BY $k LIMIT 1000");
    $next = $db->prepare("SELECT $k FROM $t WHERE $c LIKE BINARY ? AND $k > ? ORDER BY $k LIMIT 1000");
    $read = $db->prepare("SELECT $c FROM $t WHERE $k = ?");
    $write = $db->prepare("UPDATE $t SET $c = ? WHERE $k = ?");
    $last = null;
    while (true) {
        if ($last === null) {
            $first->bind_param('s', $like);
            $first->execute();
            $chunk = $first->get_result()->fetch_all(MYSQLI_NUM);
        } else {
            $next->bind_param('ss', $like, $last);
            $next->execute();
            $chunk = $next->get_result()->fetch_all(MYSQLI_NUM);
        }
        if (!$chunk) {
            break;
        }
        foreach ($chunk as [$id]) {
            $read->bind_param('s', $id);
            $read->execute();
            $row = $read->get_result()->fetch_row();
            $value = $row === null ? null : $row[0];
            if ($value === null || $value === '') {
                continue;
            }
            $replaced = replace_in($value, false, $old, $new);
            if ($replaced === $value) {
                continue;
            }
            $write->bind_param('ss', $replaced, $id);
            $write->execute();
            $changed += $write->affected_rows;
        }
        $last = end($chunk)[0];
    }
}
echo "rows-changed=$changed columns-sql=$sqlColumns columns-php=$phpColumns\n";
