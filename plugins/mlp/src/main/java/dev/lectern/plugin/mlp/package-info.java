/**
 * The multi-layer perceptron of the backpropagation lectures: XOR, which a single layer cannot learn, the hidden
 * units' own boundaries, vanishing gradients in deep sigmoid nets, and MNIST digits with ReLU, Xavier/He and Adam.
 */
package dev.lectern.plugin.mlp;
