package org.leadline.server.plugins;

/** The calls of {@link Guard#callEach} from one input on, on one guard thread; each result is {value, thrown, nanos}. */
final class BatchRun<I, T> implements Runnable {
    final java.util.List<I> inputs;
    final Guard.Each<I, T> body;
    final ClassLoader loader;
    final java.util.concurrent.atomic.AtomicReferenceArray<Object[]> results;
    final Bulkheads.Permit permit;
    volatile int index;
    volatile long started = System.nanoTime();
    volatile boolean abandoned;

    BatchRun(java.util.List<I> inputs, int from, Guard.Each<I, T> body, ClassLoader loader, Bulkheads.Permit permit) {
        this.permit = permit;
        this.inputs = inputs;
        this.body = body;
        this.loader = loader;
        this.index = from;
        this.results = new java.util.concurrent.atomic.AtomicReferenceArray<>(inputs.size());
    }

    @Override
    public void run() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            for (int i = index; i < inputs.size() && !abandoned; i++) {
                long start = System.nanoTime();
                started = start;
                index = i;
                Object value = null;
                Throwable thrown = null;
                try {
                    value = body.call(inputs.get(i));
                } catch (Throwable t) {
                    thrown = t;
                }
                if (abandoned) {
                    return;
                }
                results.set(i, new Object[] {value, thrown, System.nanoTime() - start});
            }
        } finally {
            thread.setContextClassLoader(previous);
            Guard.release(permit);
        }
    }
}
