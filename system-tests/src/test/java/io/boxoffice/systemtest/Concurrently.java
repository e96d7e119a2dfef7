package io.boxoffice.systemtest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs n clients truly at once: each on its own platform thread (JDK 17 has no virtual threads), all
 * held at a start gate until every one is ready, so their first requests race.
 */
final class Concurrently {
    private Concurrently() {
    }

    static <T> List<T> run(int clients, IntFunction<T> client) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int index = i;
                Callable<T> task = () -> {
                    ready.countDown();
                    gate.await();
                    return client.apply(index);
                };
                futures.add(pool.submit(task));
            }
            ready.await(30, TimeUnit.SECONDS);
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("A concurrent client failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
