package dev.lectern.plugin.cnn;

import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.ImageSet;
import dev.lectern.plugin.api.LabelledImages;
import dev.lectern.plugin.api.TrainingData;
import java.util.List;
import java.util.Random;

/** A tiny synthetic image set: 28×28 images of a horizontal bar (class 0) or a vertical bar (class 1) at random places. */
final class Shapes {

    static TrainingData of(int train, int test, long seed) {
        Random random = new Random(seed);
        DatasetInfo info =
                new DatasetInfo("tiny-shapes", "Bars", DatasetKind.IMAGES, List.of(), "Horizontal and vertical bars");
        return TrainingData.of(info, new LabelledImages(images(train, random), images(test, random)));
    }

    private static ImageSet images(int count, Random random) {
        int size = 28;
        byte[] pixels = new byte[count * size * size];
        byte[] labels = new byte[count];
        for (int n = 0; n < count; n++) {
            int label = n % 2;
            labels[n] = (byte) label;
            int along = 4 + random.nextInt(8);
            int across = 4 + random.nextInt(18);
            int length = 10 + random.nextInt(8);
            for (int a = along; a < along + length; a++) {
                for (int t = across; t < across + 3; t++) {
                    int y = label == 0 ? t : a;
                    int x = label == 0 ? a : t;
                    pixels[n * size * size + y * size + x] = (byte) (200 + random.nextInt(56));
                }
            }
        }
        return new ImageSet(count, size, size, pixels, labels, List.of("horizontal", "vertical"));
    }

    private Shapes() {}
}
