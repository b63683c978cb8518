package dev.lectern.plugin.charrnn;

/** What to look at while the network trains. */
final class CharRnnGuide {

    static final String TEXT = """
            hello: the lecture's example. The vocabulary is [h, e, l, o], every input is a one-hot vector, the \
            network reads "hell" and must answer "ello", one character ahead. Pick the hello data set and press Run: \
            a tanh RNN of 8 units trained with Adam (0.05) for 100 epochs, one gradient step over the four characters \
            each. The predicted list shows the string after every epoch, from noise to "ello", and the \
            probabilities list every character's probability at every position; the P(right next char) chart has one \
            line per position. Watch positions 3 and 4: both read an l, but the first must \
            answer l and the second o. Only the hidden state — what came before — can tell them apart, which is \
            why a feed-forward network cannot learn this. After training, the tables show every probability.

            Any text: the network learns a character language model. The text is cut into Batch size streams read \
            side by side; each step backpropagates through Sequence length characters (truncated BPTT). The hidden \
            state is carried on from one window to the next within a pass over the text, detached, so the network \
            remembers further back than it is trained to. The loss is the mean cross-entropy of the next character; \
            perplexity = e^loss is the number of characters the network is, on average, hesitating between (65 \
            for a random guess on Tiny Shakespeare, about 5 after the default run). After every epoch it writes \
            a sample; lower the temperature for safer text, raise it for wilder text.

            Tiny Shakespeare's defaults train an LSTM of 128 units on 32 streams of 64 characters with Adam 0.005, \
            15 epochs of 100 steps — about a minute on two cores. The first samples are letter soup, then words \
            and line breaks appear, then speaker names in capitals followed by a colon. Switch the cell to rnn to \
            see the plain RNN learn more slowly; set Gradient clipping to 0 and a large learning rate to see the \
            gradient norm explode (the gradNorm chart shows it before clipping).

            Uploaded texts: any UTF-8 text. If it has more than 256 distinct characters, the 255 most frequent are \
            kept and the others become \uFFFD. Texts longer than 10 million characters train on their first 10 \
            million.""";

    private CharRnnGuide() {}
}
