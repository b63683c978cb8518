/**
 * Finding and loading lecture-model plugins: from the server's class path and from plugin directories, each
 * directory in its own class loader, with failures recorded instead of stopping the server.
 */
package dev.lectern.server.plugin;
