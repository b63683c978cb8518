package dev.lectern.datasets.load;

import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.LabelledImages;
import dev.lectern.plugin.api.TrainingData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Labelled images in four IDX files, laid out as MNIST publishes them: training images, training labels, test
 * images, test labels (see {@link IdxReader}).
 *
 * @param classNames the name of each class, such as "0" .. "9"
 */
public record IdxImagesFormat(List<String> classNames) implements FileFormat {

    /** The ten digit classes "0" .. "9" of MNIST. */
    public static final IdxImagesFormat DIGITS = new IdxImagesFormat(
            IntStream.range(0, 10).mapToObj(Integer::toString).toList());

    /** Copies the class names. */
    public IdxImagesFormat {
        classNames = List.copyOf(classNames);
        if (classNames.isEmpty() || classNames.size() > 256) {
            throw new IllegalArgumentException("IDX labels are bytes: 1 to 256 classes, got " + classNames.size());
        }
    }

    /**
     * Refuses: a labelled image set needs four files.
     *
     * @throws IllegalArgumentException always
     */
    @Override
    public TrainingData read(Path file, DatasetInfo info) {
        throw new IllegalArgumentException("data set '" + info.id() + "' is four IDX files, not one (" + file + ")");
    }

    @Override
    public TrainingData read(List<Path> files, DatasetInfo info) throws IOException {
        if (files.size() != 4) {
            throw new IllegalArgumentException("data set '" + info.id() + "' needs 4 IDX files (train images, train "
                    + "labels, test images, test labels), got " + files.size());
        }
        return TrainingData.of(
                info,
                new LabelledImages(
                        IdxReader.readImages(files.get(0), files.get(1), classNames),
                        IdxReader.readImages(files.get(2), files.get(3), classNames)));
    }
}
