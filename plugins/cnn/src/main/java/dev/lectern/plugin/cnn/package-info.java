/** The CNN lecture plugin: convolution and pooling on MNIST, the layer table, filters and feature maps. */
package dev.lectern.plugin.cnn;
