/**
 * The character-level recurrent network of the RNN lecture: h_t = tanh(x_t W_xh + h_{t−1} W_hh + b) over one-hot
 * characters, softmax over the next character, cross-entropy trained by truncated backpropagation through time, with
 * LSTM and GRU cells against vanishing gradients and clipping against exploding ones; perplexity = e^loss.
 */
package dev.lectern.plugin.charrnn;
