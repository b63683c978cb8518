/**
 * Softmax regression, the multinomial-classification lecture: scores y = XW + b, probabilities
 * S(y_i) = e^{y_i} / Σ_j e^{y_j}, and the cross-entropy cost D(S, L) = −Σ_i L_i log S_i averaged over the rows,
 * minimised by gradient descent.
 */
package dev.lectern.plugin.softmax;
