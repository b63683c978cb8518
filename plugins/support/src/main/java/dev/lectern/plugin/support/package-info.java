/**
 * What the built-in lecture-model plugins share: batch order, optimizer by name, label conversion, per-run dropout
 * masks, and initialisation that leaves the engine's process-wide generator alone.
 */
package dev.lectern.plugin.support;
