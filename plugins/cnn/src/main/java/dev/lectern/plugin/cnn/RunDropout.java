package dev.lectern.plugin.cnn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.lectern.plugin.support.DropoutMasks;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Dropout whose masks come from the run's own generator ({@link DropoutMasks}) instead of the engine's process-wide
 * one, which concurrent runs share. It has no parameters and saves like DJL's {@code Dropout} block (encoding version
 * 2: the input shapes), so models saved before it load unchanged. A network built for inference has no masks and is
 * the identity; so is every network when not training.
 */
final class RunDropout extends AbstractBlock {

    private static final byte VERSION = 2;

    private final DropoutMasks masks;

    /**
     * Creates the block.
     *
     * @param masks the run's masks, or null for a network that only predicts
     */
    RunDropout(DropoutMasks masks) {
        super(VERSION);
        this.masks = masks;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        if (!training) {
            return inputs;
        }
        if (masks == null) {
            throw new IllegalStateException(
                    "this network was built for prediction: it has no dropout masks to train with");
        }
        return new NDList(masks.apply(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion == version) {
            readInputShapes(is);
        } else if (loadVersion != 1) {
            throw new MalformedModelException("Unsupported encoding version: " + loadVersion);
        }
    }
}
