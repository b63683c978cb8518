package dev.lectern.server.experiment;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded waiting line that serves its owners in turn: each owner's items in the order they came, but one item
 * per owner per round, so one student's 20-run sweep does not make the rest of the class wait behind it.
 *
 * @param <T> the items
 */
final class RoundRobinQueue<T> {

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Map<String, Deque<T>> byOwner = new HashMap<>();
    /** Owners with waiting items, the next one to serve first. */
    private final Deque<String> turn = new ArrayDeque<>();
    private int size;
    private boolean closed;

    RoundRobinQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Adds an item at the end of its owner's line; false when the queue is full or closed. */
    boolean offer(String owner, T item) {
        String key = owner == null ? "" : owner;
        lock.lock();
        try {
            if (closed || size >= capacity) {
                return false;
            }
            Deque<T> line = byOwner.computeIfAbsent(key, k -> new ArrayDeque<>());
            if (line.isEmpty()) {
                turn.addLast(key);
            }
            line.addLast(item);
            size++;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The next item in turn, waiting for one; null once the queue is closed. */
    T take() throws InterruptedException {
        lock.lock();
        try {
            while (size == 0 && !closed) {
                notEmpty.await();
            }
            if (closed) {
                return null;
            }
            String owner = turn.pollFirst();
            Deque<T> line = byOwner.get(owner);
            T item = line.pollFirst();
            size--;
            if (line.isEmpty()) {
                byOwner.remove(owner);
            } else {
                turn.addLast(owner);
            }
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** How many items wait. */
    int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every taker with null; nothing more is taken or served. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
