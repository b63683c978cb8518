package dev.lectern.plugin.support;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;

/**
 * Initialises a DJL block's parameters with zeros before a plugin writes its own values into them. DJL's default
 * initializer for weights (Xavier) draws from the engine's process-wide generator, which would move the random stream
 * of every other run training in the same JVM.
 */
public final class ZeroInit {

    private ZeroInit() {}

    /**
     * Creates the block's parameter arrays, all zeros, without touching the engine's generator.
     *
     * @param block the block
     * @param manager where the arrays live
     * @param dataType their type
     * @param inputShapes the block's input shapes
     */
    public static void initialize(Block block, NDManager manager, DataType dataType, Shape... inputShapes) {
        block.setInitializer(Initializer.ZEROS, (Parameter parameter) -> true);
        block.initialize(manager, dataType, inputShapes);
    }
}
