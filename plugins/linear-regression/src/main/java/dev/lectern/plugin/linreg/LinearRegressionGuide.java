package dev.lectern.plugin.linreg;

/** What a student should look at while the model trains. */
final class LinearRegressionGuide {

    static final String TEXT = """
            Watch the cost fall on the loss chart. The form opens on the food-truck data (ex1data1) with the \
            lecture's settings (α = 0.01, 1500 steps, W = b = 0, raw populations): the cost starts at 32.07 and \
            reaches 4.48; the dashed line is the best cost any line can reach, from the normal equation. The \
            synthetic line y = 2x + 4 (standardized) is the quick check: the fit reaches W ≈ 2 and b ≈ 4.

            The cost surface shows why: J(W, b) is a bowl, and gradient descent walks downhill from (0, 0). On raw \
            features the bowl is a long narrow valley, so the path zig-zags and 1500 steps stop short of the \
            bottom. Standardize the features and the bowl becomes round: a larger learning rate gets there in a \
            few hundred steps.

            Try α = 0.03 on the raw food-truck data: the steps overshoot, the cost explodes, and the run fails \
            with the step where the loss became infinite.""";

    private LinearRegressionGuide() {}
}
