/**
 * Generators for the synthetic lecture data sets.
 *
 * <p>Every generator is a pure function of its arguments and a seed, so that a run can be repeated
 * exactly and a test can compare a fit against the known truth the data was drawn from.
 */
package dev.lectern.datasets.gen;
