package dev.lectern.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A 100 000-point curve thinned to 2 000 keeps its shape: every bucket's min and max, the ends, and step order. */
class MinMaxDownsamplerTest {

    @Test
    void everyBucketKeepsItsMinimumMaximumAndEnds() {
        Random random = new Random(3);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            double noise = random.nextGaussian() * 0.05;
            double spike = i == 77_777 ? 40 : i == 12_345 ? -40 : 0;
            points.add(new double[] {i, Math.exp(-i / 20_000.0) + noise + spike});
        }

        List<double[]> kept = MinMaxDownsampler.downsample(points, 2_000);

        assertThat(kept.size()).isLessThanOrEqualTo(2_000).isGreaterThan(1_000);
        assertThat(kept.get(0)[0]).isZero();
        assertThat(kept.get(kept.size() - 1)[0]).isEqualTo(99_999);
        for (int i = 1; i < kept.size(); i++) {
            assertThat(kept.get(i)[0]).as("steps in order").isGreaterThan(kept.get(i - 1)[0]);
        }
        assertThat(kept).anySatisfy(p -> assertThat(p[1]).as("the spike").isGreaterThan(39));
        assertThat(kept).anySatisfy(p -> assertThat(p[1]).as("the dip").isLessThan(-38));
        int buckets = 500;
        for (int b = 0; b < buckets; b++) {
            int from = b * points.size() / buckets;
            int to = (b + 1) * points.size() / buckets;
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int i = from; i < to; i++) {
                min = Math.min(min, points.get(i)[1]);
                max = Math.max(max, points.get(i)[1]);
            }
            final double lo = min;
            final double hi = max;
            List<double[]> inBucket =
                    kept.stream().filter(p -> p[0] >= from && p[0] < to).toList();
            assertThat(inBucket)
                    .as("bucket %s", b)
                    .anySatisfy(p -> assertThat(p[1]).isEqualTo(lo));
            assertThat(inBucket)
                    .as("bucket %s", b)
                    .anySatisfy(p -> assertThat(p[1]).isEqualTo(hi));
        }
    }

    @Test
    void shortCurvesAreLeftAlone() {
        List<double[]> points = List.of(new double[] {0, 1}, new double[] {1, 2});
        assertThat(MinMaxDownsampler.downsample(points, 2_000)).isSameAs(points);
    }
}
