/**
 * An example external Lectern plugin: polynomial regression of one feature, H(x) = θ₀ + θ₁x + … + θ_d x^d, trained
 * by gradient descent on standardized powers of x. It is built outside the server (its own pom), bundles its own
 * Jackson for the model's metadata file, and is installed by dropping its plugin folder into the plugin directory.
 * The walk-through is {@code docs/plugin-authoring.md}.
 */
package dev.lectern.examples.polynomial;
