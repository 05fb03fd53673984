package dev.telltale.core.testing;

import dev.telltale.api.DslEvent;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A {@link RecordingStore} whose appends wait until {@link #release()}: a store that hangs, for tests. */
public class BlockingStore extends RecordingStore {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);

    @Override
    public void append(List<DslEvent> batch) throws IOException {
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.append(batch);
    }

    /** Waits until the drain is inside an append; {@code false} if it was not within 10 s. */
    public boolean awaitAppending() throws InterruptedException {
        return entered.await(10, TimeUnit.SECONDS);
    }

    /** Lets every append, waiting or to come, go through. */
    public void release() {
        release.countDown();
    }
}
