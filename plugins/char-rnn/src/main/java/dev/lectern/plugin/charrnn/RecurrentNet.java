package dev.lectern.plugin.charrnn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.RNN;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The network as plain arrays in its own manager: per layer PyTorch's {@code w_ih, w_hh, b_ih, b_hh} fed to the fused
 * recurrent kernel ({@code torch::lstm}, {@code torch::gru}, {@code torch::rnn_tanh}, the kernels behind DJL's
 * {@code LSTM}, {@code GRU} and {@code RNN} blocks), and a Linear output layer from the last hidden state to one score
 * per character. Inputs are one-hot, time-major {@code [T, B, V]}. Gradient-free views of the same arrays serve
 * evaluation and sampling, so those never record an autograd graph; the optimizer updates the arrays in place, so the
 * views always show the current weights. Without gradients the LSTM runs as elementwise ops instead of the fused
 * kernel (see {@link #lstmStepByStep}).
 */
final class RecurrentNet implements AutoCloseable {

    private final NDManager manager;
    private final CellType cell;
    private final int vocab;
    private final int hidden;
    private final int layers;
    private final List<NDArray> parameters;
    private final List<NDArray> frozen = new ArrayList<>();

    private RecurrentNet(
            NDManager manager, CellType cell, int vocab, int hidden, int layers, List<NDArray> parameters) {
        this.manager = manager;
        this.cell = cell;
        this.vocab = vocab;
        this.hidden = hidden;
        this.layers = layers;
        this.parameters = List.copyOf(parameters);
        for (NDArray p : parameters) {
            frozen.add(p.stopGradient());
        }
    }

    /**
     * Creates a network with PyTorch's default initialisation: every weight and bias uniform in ±1/√hidden.
     *
     * @param device where the arrays live
     * @param cell the cell type
     * @param vocab V, the number of characters
     * @param hidden H, the state size
     * @param layers stacked recurrent layers
     * @param random the run's generator
     * @return the network, with gradients on
     */
    static RecurrentNet initialise(Device device, CellType cell, int vocab, int hidden, int layers, Random random) {
        float bound = (float) (1 / Math.sqrt(hidden));
        List<float[]> values = new ArrayList<>();
        for (Shape shape : shapes(cell, vocab, hidden, layers)) {
            float[] v = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = (random.nextFloat() * 2 - 1) * bound;
            }
            values.add(v);
        }
        return of(device, cell, vocab, hidden, layers, values, true);
    }

    /**
     * Creates a network from saved values.
     *
     * @param device where the arrays live
     * @param cell the cell type
     * @param vocab V
     * @param hidden H
     * @param layers stacked layers
     * @param values the arrays in {@link #shapes} order
     * @param trainable whether to record gradients
     * @return the network
     */
    static RecurrentNet of(
            Device device, CellType cell, int vocab, int hidden, int layers, List<float[]> values, boolean trainable) {
        List<Shape> shapes = shapes(cell, vocab, hidden, layers);
        if (values.size() != shapes.size()) {
            throw new IllegalArgumentException(shapes.size() + " arrays expected, got " + values.size());
        }
        NDManager manager = NDManager.newBaseManager(device);
        List<NDArray> arrays = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            NDArray a = manager.create(values.get(i), shapes.get(i));
            a.setRequiresGradient(trainable);
            arrays.add(a);
        }
        return new RecurrentNet(manager, cell, vocab, hidden, layers, arrays);
    }

    /** The shapes of the arrays: per layer w_ih [G·H, in], w_hh [G·H, H], b_ih [G·H], b_hh [G·H]; then W_hy, b_y. */
    static List<Shape> shapes(CellType cell, int vocab, int hidden, int layers) {
        List<Shape> shapes = new ArrayList<>();
        long rows = (long) cell.gates() * hidden;
        for (int l = 0; l < layers; l++) {
            shapes.add(new Shape(rows, l == 0 ? vocab : hidden));
            shapes.add(new Shape(rows, hidden));
            shapes.add(new Shape(rows));
            shapes.add(new Shape(rows));
        }
        shapes.add(new Shape(vocab, hidden));
        shapes.add(new Shape(vocab));
        return shapes;
    }

    /**
     * Runs the network over a window.
     *
     * @param oneHot the inputs, {@code [T, B, V]}
     * @param state the state from {@link #zeroState} or a previous window
     * @param training whether gradients flow (false uses the gradient-free views)
     * @return the scores {@code [T·B, V]}, time-major, and the state after the last step
     */
    Output forward(NDArray oneHot, NDList state, boolean training) {
        List<NDArray> p = training ? parameters : frozen;
        NDList recurrent = new NDList(p.subList(0, 4 * layers));
        NDArrayEx ex = oneHot.getNDArrayInternal();
        if (!training && cell == CellType.LSTM) {
            return lstmStepByStep(oneHot, state, p);
        }
        NDList out = switch (cell) {
            case LSTM -> ex.lstm(oneHot, state, recurrent, true, layers, 0, training, false, false);
            case GRU -> ex.gru(oneHot, state.head(), recurrent, true, layers, 0, training, false, false);
            case RNN ->
                ex.rnn(oneHot, state.head(), recurrent, true, layers, RNN.Activation.TANH, 0, training, false, false);
        };
        NDArray h = out.get(0).reshape(-1, hidden);
        NDArray scores =
                Linear.linear(h, p.get(4 * layers), p.get(4 * layers + 1)).singletonOrThrow();
        return new Output(scores, new NDList(out.subList(1, out.size())));
    }

    /**
     * The LSTM written out with elementwise ops, for evaluation and sampling. With gradient recording off, libtorch
     * 2.7.1's fused CPU LSTM (through DJL 0.34) returned different numbers than with it on for the same weights and
     * inputs: after "hell" a network that training had taught "ello" answered "elll". This path computes the
     * textbook equations, which match the fused kernel's training path (RecurrentNetTest):
     * i, f, g, o = σ, σ, tanh, σ of x W_ih + b_ih + h W_hh + b_hh; c' = f c + i g; h' = o tanh(c').
     */
    private Output lstmStepByStep(NDArray oneHot, NDList state, List<NDArray> p) {
        NDArray[] h = new NDArray[layers];
        NDArray[] c = new NDArray[layers];
        for (int l = 0; l < layers; l++) {
            h[l] = state.get(0).get(l);
            c[l] = state.get(1).get(l);
        }
        long steps = oneHot.getShape().get(0);
        NDList outputs = new NDList();
        for (long t = 0; t < steps; t++) {
            NDArray in = oneHot.get(t);
            for (int l = 0; l < layers; l++) {
                NDArray gates = Linear.linear(in, p.get(4 * l), p.get(4 * l + 2))
                        .singletonOrThrow()
                        .add(Linear.linear(h[l], p.get(4 * l + 1), p.get(4 * l + 3))
                                .singletonOrThrow());
                NDList parts = gates.split(4, 1);
                NDArray i = Activation.sigmoid(parts.get(0));
                NDArray f = Activation.sigmoid(parts.get(1));
                NDArray g = parts.get(2).tanh();
                NDArray o = Activation.sigmoid(parts.get(3));
                c[l] = f.mul(c[l]).add(i.mul(g));
                h[l] = o.mul(c[l].tanh());
                in = h[l];
            }
            outputs.add(in);
        }
        NDArray top = NDArrays.stack(outputs).reshape(-1, hidden);
        NDArray scores =
                Linear.linear(top, p.get(4 * layers), p.get(4 * layers + 1)).singletonOrThrow();
        return new Output(scores, new NDList(NDArrays.stack(new NDList(h)), NDArrays.stack(new NDList(c))));
    }

    /**
     * The network's answer for one window.
     *
     * @param scores unnormalised log-probabilities of the next character, {@code [T·B, V]}
     * @param state the state after the window
     */
    record Output(NDArray scores, NDList state) {}

    /** The initial state: zeros, {@code [layers, B, H]}, twice for the LSTM (h and c). */
    NDList zeroState(NDManager owner, int batch) {
        Shape shape = new Shape(layers, batch, hidden);
        NDList state = new NDList(owner.zeros(shape));
        if (cell.hasCellState()) {
            state.add(owner.zeros(shape));
        }
        return state;
    }

    void update(Optimizer optimizer) {
        for (int i = 0; i < parameters.size(); i++) {
            NDArray p = parameters.get(i);
            optimizer.update("p" + i, p, p.getGradient());
        }
    }

    List<NDArray> parameters() {
        return parameters;
    }

    long parameterCount() {
        return parameters.stream().mapToLong(a -> a.getShape().size()).sum();
    }

    List<float[]> hostValues() {
        return frozen.stream().map(NDArray::toFloatArray).toList();
    }

    NDManager manager() {
        return manager;
    }

    CellType cell() {
        return cell;
    }

    int vocab() {
        return vocab;
    }

    int hidden() {
        return hidden;
    }

    int layers() {
        return layers;
    }

    @Override
    public void close() {
        manager.close();
    }
}
