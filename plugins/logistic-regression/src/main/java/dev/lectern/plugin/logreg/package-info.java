/**
 * Logistic regression, the binary-classification lecture: hypothesis H(x) = σ(Wx + b) = 1 / (1 + e^−(Wx + b)),
 * cost J(W, b) = −1/m Σ [y log H(x) + (1 − y) log(1 − H(x))] (cross-entropy), minimised by gradient descent; the
 * class is 1 where H(x) reaches the threshold, so the decision boundary Wx + b = 0 is a straight line.
 */
package dev.lectern.plugin.logreg;
