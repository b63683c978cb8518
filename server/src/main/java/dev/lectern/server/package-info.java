/**
 * The Lectern server: the composition root {@link dev.lectern.server.LecternServer}, settings, and the feature
 * packages (plugins, data sets, experiments, metrics, store, HTTP).
 */
package dev.lectern.server;
