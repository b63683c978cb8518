package dev.lectern.plugin.logreg;

import dev.lectern.plugin.api.PluginApi;
import dev.lectern.plugin.api.PluginDescriptor;
import java.util.List;

/** What the plugin page shows before any run: the lecture's formulas and what to watch while it trains. */
final class Lesson {

    static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "logistic-regression",
            "Logistic regression",
            "Lecture 5 — binary classification: sigmoid and cross-entropy",
            "Squash a linear score through the sigmoid to get P(y = 1 | x), fit it by minimising the cross-entropy, "
                    + "and draw the straight decision boundary it learns.",
            "0.1.0",
            PluginApi.VERSION,
            List.of(
                    "H(X) = \\sigma(XW + b) = \\frac{1}{1 + e^{-(XW + b)}}",
                    "\\mathrm{cost}(W, b) = -\\frac{1}{m}\\sum_i \\left[y^{(i)}\\log H(x^{(i)}) "
                            + "+ (1 - y^{(i)})\\log(1 - H(x^{(i)}))\\right]",
                    "W := W - \\alpha \\frac{\\partial}{\\partial W} \\mathrm{cost}(W, b) = W - \\frac{\\alpha}{m}\\sum_i "
                            + "\\left(H(x^{(i)}) - y^{(i)}\\right) x^{(i)}",
                    "\\hat{y} = 1 \\iff H(x) \\ge 0.5 \\iff xW + b \\ge 0"));

    static final String GUIDE = """
            Watch the cost fall from ln 2 = 0.693 (with W = 0 every answer is 50 %) towards its minimum, 0.2035 \
            on the admissions data (ex2data1), while the training accuracy climbs from 60 % to the course's 89 %.

            After the run, the map shows P(y = 1) over the plane, the two classes of points and the straight \
            decision boundary W·x + b = 0. The confusion matrix tells which class the line gets wrong. Predict \
            exam scores (45, 85): the lecture's answer is a 77.6 % chance of admission.

            Then try featureScaling = none. Exam scores of 30–100 make the gradient for W about 100 times \
            larger than for b, so a learning rate small enough for W barely moves b: with α = 0.001 the cost \
            is still 0.63 after 400 steps (and 0.26 after 400,000). Standardized, plain gradient descent \
            converges in a few hundred steps.

            The microchip data (ex2data2) is not linearly separable: the accepted chips sit mostly in the \
            middle, surrounded by rejected ones. No straight line does better than about 55 % (cost 0.690, barely \
            below 0.693), however long it trains; a curved boundary needs more features or a hidden layer.""";

    private Lesson() {}
}
