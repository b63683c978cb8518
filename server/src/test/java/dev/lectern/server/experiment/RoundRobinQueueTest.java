package dev.lectern.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Runs are served one per owner per round, each owner's in the order they came. */
class RoundRobinQueueTest {

    @Test
    void oneOwnersManyRunsDoNotMakeTheOthersWait() throws Exception {
        RoundRobinQueue<String> queue = new RoundRobinQueue<>(100);
        for (int i = 1; i <= 5; i++) {
            queue.offer("ann", "ann" + i);
        }
        queue.offer("ben", "ben1");
        queue.offer("ben", "ben2");
        queue.offer(null, "anyone1");
        List<String> served = new ArrayList<>();
        while (queue.size() > 0) {
            served.add(queue.take());
        }
        assertThat(served).containsExactly("ann1", "ben1", "anyone1", "ann2", "ben2", "ann3", "ann4", "ann5");
    }

    @Test
    void aFullQueueRefusesAndAClosedOneWakesItsTakers() throws Exception {
        RoundRobinQueue<Integer> queue = new RoundRobinQueue<>(2);
        assertThat(queue.offer("a", 1)).isTrue();
        assertThat(queue.offer("b", 2)).isTrue();
        assertThat(queue.offer("c", 3)).isFalse();
        queue.take();
        queue.take();
        AtomicReference<Integer> taken = new AtomicReference<>(-1);
        CountDownLatch done = new CountDownLatch(1);
        Thread taker = new Thread(() -> {
            try {
                taken.set(queue.take());
            } catch (InterruptedException ignored) {
                // not expected
            }
            done.countDown();
        });
        taker.start();
        Thread.sleep(100);
        queue.close();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(taken.get()).isNull();
        assertThat(queue.offer("a", 4)).isFalse();
    }

    @Test
    void theLocalExecutorTrainsInTurnsAcrossOwners() throws Exception {
        List<Long> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(6);
        AtomicBoolean first = new AtomicBoolean(true);
        LocalExecutor executor = new LocalExecutor(1, 100, (id, cancelled) -> {
            if (first.getAndSet(false)) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            order.add(id);
            all.countDown();
        });
        try {
            executor.submit(0, "busy");
            Thread.sleep(100);
            executor.submit(1, "sweeper");
            executor.submit(2, "sweeper");
            executor.submit(3, "sweeper");
            executor.submit(4, "late");
            executor.submit(5, "late2");
            release.countDown();
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(order).containsExactly(0L, 1L, 4L, 5L, 2L, 3L);
        } finally {
            executor.close();
        }
    }
}
