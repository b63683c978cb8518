package dev.lectern.plugin.lstm;

/** What to look at while the forecaster trains. */
final class ForecastGuide {

    static final String TEXT = """
            Pick the stock data set and press Run: the defaults are the lab's (lab-12-5) — windows of 7 days of \
            Open, High, Low, Volume and Close, an LSTM of 10 units whose last hidden state feeds one linear output, \
            Adam 0.01 and 500 full-batch iterations, the first 70 % of the days for training and the rest for the \
            test. The file lists the newest day first, so its rows are reversed. Prices are MinMax-scaled with the \
            training period's minimum and maximum only; the lab scales the test part with its own, which peeks at \
            the future — choose "each part separately" under MinMax scaling to reproduce it.

            The loss falls by a large factor within the first hundred iterations, and the forecast follows the \
            price closely. But compare it with persistence — "tomorrow's Close is today's Close" — in the RMSE \
            table: on a daily price the LSTM usually does not beat it. A price is close to a random walk, and the \
            best the network can learn is to copy the last day, plus a little noise. The verdict above the table \
            says which is better, by how much, in scaled units and in dollars.

            Never tune on the test period: the last 15 % of the training windows are held out as a validation \
            part, and its RMSE is plotted while training, next to persistence on the same days. Choose settings by \
            that curve.

            The lecture's windowing demo: set Window length to 12 and compare "steps x 1 feature" (12 steps of the \
            Close), "1 step x window features" (the same 12 values at once, which leaves the LSTM no sequence to \
            read) and Model fc (a plain fully connected net on the same window). On a sine wave the LSTM beats \
            persistence easily; on prices it does not.

            The gate heat maps show, for the last test window, each hidden unit's input gate i, forget gate f, \
            output gate o and cell state c at every time step: a forget gate near 1 keeps the cell's memory, near \
            0 wipes it.""";

    private ForecastGuide() {}
}
