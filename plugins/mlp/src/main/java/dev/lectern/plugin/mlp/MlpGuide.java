package dev.lectern.plugin.mlp;

/** What to look at while the network trains. */
final class MlpGuide {

    static final String TEXT = """
            XOR is the lecture's proof that one layer is not enough: no straight line separates (0,0) and (1,1) from \
            (0,1) and (1,0). Pick the xor data set and press Run: a hidden layer of four sigmoid units reaches 100 % \
            accuracy. Then set Hidden layers to none — the network becomes logistic regression and gets stuck at \
            50–75 %, however long it trains.

            Watch the hidden units. The heat map shows P(y = 1) with the network's boundary (contour 0.5), and one \
            straight line per first-layer unit where its input w·x + b is 0. Each unit can only cut the plane with a \
            line; the output layer combines those half-planes into a shape no single line can draw. The predictions \
            table lists every unit's output h for the four points: the hidden layer has moved them to where a line \
            does separate them.

            Vanishing gradients: the gradNorm chart shows, once per epoch, the size of the gradient of every layer's \
            weights (layer 1 is next to the input). Train a deep net such as 16,16,16,16,16,16 with sigmoid and the \
            first layers receive gradients hundreds of times smaller than the last — they barely learn, because \
            every sigmoid multiplies the gradient by at most 0.25 on the way back. Switch the activation to relu and \
            the curves stay close together.

            MNIST: the defaults train 784-256-10 with ReLU, He initialisation and Adam (0.001, batches of 100) for \
            5 epochs, reaching about 98 % test accuracy. Try init normal (the lab's random_normal) to see how much the \
            starting weights matter, or dropout on a wider net. After training, the confusion matrix and the gallery \
            of misclassified digits show which mistakes remain.""";

    private MlpGuide() {}
}
