/**
 * Linear regression, the first lecture: hypothesis H(x) = Wx + b, cost J(W, b) = 1/(2m) Σ (H(x⁽ⁱ⁾) − y⁽ⁱ⁾)²,
 * minimised by gradient descent.
 */
package dev.lectern.plugin.linreg;
