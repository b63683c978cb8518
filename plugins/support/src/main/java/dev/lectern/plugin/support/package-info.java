/**
 * What the built-in lecture-model plugins share: batch order, optimizer by name, label conversion, per-run dropout
 * masks, initialisation that leaves the engine's process-wide generator alone, and the step
 * boundaries of a training loop (StepReporter).
 */
package dev.lectern.plugin.support;
