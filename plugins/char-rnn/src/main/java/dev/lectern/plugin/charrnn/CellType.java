package dev.lectern.plugin.charrnn;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The recurrent cell: how many gate blocks its weight matrices stack, in PyTorch's order. */
enum CellType {
    /** Elman RNN: h_t = tanh(x_t W_ih + b_ih + h_{t−1} W_hh + b_hh). */
    RNN(1),
    /** LSTM with input, forget, cell and output gates (i, f, g, o) and a cell state c_t beside h_t. */
    LSTM(4),
    /** GRU with reset, update and new gates (r, z, n). */
    GRU(3);

    private final int gates;

    CellType(int gates) {
        this.gates = gates;
    }

    int gates() {
        return gates;
    }

    /** Whether the state is the pair (h, c) rather than h alone. */
    boolean hasCellState() {
        return this == LSTM;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CellType of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(CellType::id).toList();
    }
}
