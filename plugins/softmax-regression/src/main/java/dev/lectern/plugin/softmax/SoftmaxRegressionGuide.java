package dev.lectern.plugin.softmax;

/** What a student should look at while the model trains. */
final class SoftmaxRegressionGuide {

    static final String TEXT = """
            Each row gets one score per class, y = XW + b; softmax turns the scores into probabilities that add \
            up to 1, and the cost is the mean cross-entropy −log S(correct class). Watch the loss fall: it starts \
            at log(classes) from zero weights and heads towards 0 as the right class takes the probability.

            The accuracy chart draws training and held-out accuracy together; training accuracy far above held-out \
            accuracy is over-fitting. The zoo lab trains on all 101 animals, as the lecture does: training accuracy \
            reaches 100 % after about 700 steps and the cost 0.055 at step 2000. Set the held-out fraction to 0.2 \
            to see how well the same model does on animals it has not seen.

            After the run, the confusion matrix shows which classes are mistaken for which (the diagonal is \
            right), the table gives precision and recall per class, and the bar chart is the lecture's S(y) \
            picture for one sample: its raw scores (logits) beside their softmax probabilities, with the \
            predicted and the true class in the title.""";

    private SoftmaxRegressionGuide() {}
}
