package dev.lectern.plugin.api;

/**
 * An image data set with its fixed training and test parts, as MNIST publishes them.
 *
 * @param train the training images
 * @param test the test images, never used for training
 */
public record LabelledImages(ImageSet train, ImageSet test) {}
