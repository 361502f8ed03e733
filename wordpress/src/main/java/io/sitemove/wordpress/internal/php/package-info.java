/** Reading and rewriting PHP configuration files as text, without running PHP. Not part of the API. */
package io.sitemove.wordpress.internal.php;
