<?php
// Runs one WordPress API call for the testkit: php wordpress-tool.php DOCROOT HOST ACTION ARG...
// Prints the result on its last line of output.
if ($argc < 4) {
    fwrite(STDERR, "usage: wordpress-tool.php DOCROOT HOST ACTION ARG...\n");
    exit(2);
}
[$script, $docroot, $host, $sitemove_action] = array_slice($argv, 0, 4);
$sitemove_args = array_slice($argv, 4);
$_SERVER['HTTP_HOST'] = $host;
$_SERVER['SERVER_NAME'] = $host;
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

function fail($message) {
    fwrite(STDERR, $message . "\n");
    exit(1);
}

if ($sitemove_action === 'install') {
    define('WP_INSTALLING', true);
    require $docroot . '/wp-load.php';
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    [$title, $user, $email, $password, $url, $theme] = $sitemove_args;
    $result = wp_install($title, $user, $email, true, '', wp_slash($password));
    update_option('siteurl', $url);
    update_option('home', $url);
    switch_theme($theme);
    // a visitor's first comment is published at once, as the testkit's pages show it
    update_option('comment_previously_approved', 0);
    global $wp_rewrite;
    $wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%day%/%postname%/');
    $wp_rewrite->flush_rules(false);
    echo $result['user_id'], "\n";
    exit(0);
}

require $docroot . '/wp-load.php';

switch ($sitemove_action) {
    case 'post':
        [$title, $content] = $sitemove_args;
        $id = wp_insert_post(wp_slash(['post_title' => $title, 'post_content' => $content,
            'post_status' => 'publish', 'post_author' => 1]), true);
        if (is_wp_error($id)) {
            fail($id->get_error_message());
        }
        echo $id, "\n";
        break;
    case 'comment':
        [$postId, $author, $content] = $sitemove_args;
        $id = wp_insert_comment(wp_slash(['comment_post_ID' => (int) $postId, 'comment_author' => $author,
            'comment_content' => $content, 'comment_approved' => 1]));
        if (!$id) {
            fail('wp_insert_comment failed');
        }
        echo $id, "\n";
        break;
    case 'postmeta':
        [$postId, $key, $value] = $sitemove_args;
        $id = add_post_meta((int) $postId, wp_slash($key), wp_slash($value));
        if (!$id) {
            fail('add_post_meta failed');
        }
        echo $id, "\n";
        break;
    case 'attachment':
        [$parent, $name, $source] = $sitemove_args;
        $upload = wp_upload_bits($name, null, file_get_contents($source));
        if ($upload['error']) {
            fail($upload['error']);
        }
        $type = wp_check_filetype($upload['file']);
        $id = wp_insert_attachment(['post_mime_type' => $type['type'], 'post_title' => $name,
            'post_content' => '', 'post_status' => 'inherit'], $upload['file'], (int) $parent, true);
        if (is_wp_error($id)) {
            fail($id->get_error_message());
        }
        echo $id, "\t", get_post_meta($id, '_wp_attached_file', true), "\n";
        break;
    case 'app-password':
        [$login, $name] = $sitemove_args;
        $user = get_user_by('login', $login);
        if (!$user) {
            fail('no user ' . $login);
        }
        $created = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => $name]);
        if (is_wp_error($created)) {
            fail($created->get_error_message());
        }
        echo $created[0], "\n";
        break;
    default:
        fail('unknown action ' . $sitemove_action);
}
