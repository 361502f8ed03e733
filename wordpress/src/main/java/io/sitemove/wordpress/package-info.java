/** WordPress: the maintenance mode WordPress itself honours. */
package io.sitemove.wordpress;
