package dev.telltale.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventClock;
import dev.telltale.api.EventPayload.RecorderAccount;
import dev.telltale.api.EventType;
import dev.telltale.core.testing.RecordingStore;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The recorder's own accounts of drops and losses, written by the drain into the store beside the events. */
class DrainAccountsTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Two stripes of 4 events: the fifth event on one thread is dropped. */
    private final EventEmitter emitter = new EventEmitter(1, 4);

    private long now = 5 * SECOND;
    private final OperatorLog log = new OperatorLog(SECOND, () -> now, new RecordingOutput());

    private DrainAgent agent(RecordingStore store) {
        return new DrainAgent(
                emitter,
                new ManagedStore(store, null, "test", log),
                100,
                SECOND,
                10 * SECOND,
                () -> now,
                (full, closed, e) -> {},
                log);
    }

    private void emit(int count) {
        for (int i = 0; i < count; i++) {
            emitter.emit(DslEvent.succeeded(i, null, "a.b", 1));
        }
    }

    private static List<RecorderAccount> accounts(RecordingStore store) {
        return store.accounts();
    }

    @Test
    void nothingDropped_noAccountUntilTheFinalOne() {
        RecordingStore store = new RecordingStore();
        DrainAgent agent = agent(store);
        emit(3);
        agent.doWork();
        now += 3 * SECOND;
        agent.doWork();
        assertThat(accounts(store)).isEmpty();

        emitter.close();
        emitter.emit(DslEvent.succeeded(9, null, "late", 1));
        agent.onClose();

        DslEvent last = store.everything().get(store.everything().size() - 1);
        assertThat(last.type()).as("the final account comes after every event").isEqualTo(EventType.RECORDER_ACCOUNT);
        assertThat(last.sessionId()).isNull();
        assertThat((RecorderAccount) last.payload())
                .isEqualTo(new RecorderAccount(true, EventClock.epochNanos(5 * SECOND), 0, 1, 0, 0, 4, 3, 1, 0));
        assertThat(agent.accounts()).isEqualTo(1);
        assertThat(agent.persisted())
                .as("an account is not one of the application's events")
                .isEqualTo(3);
    }

    @Test
    void drops_accountedOnceTheIntervalHasPassed_thenOnlyWhatIsNew() {
        RecordingStore store = new RecordingStore();
        DrainAgent agent = agent(store);
        emit(6); // 4 accepted, 2 dropped
        emitter.emit(null); // invalid, dropped
        agent.doWork();
        assertThat(accounts(store)).as("not before a second has passed").isEmpty();

        now += SECOND;
        agent.doWork();
        assertThat(accounts(store))
                .containsExactly(new RecorderAccount(false, EventClock.epochNanos(5 * SECOND), 2, 0, 1, 0, 7, 4, 3, 0));
        DslEvent written = store.everything().get(store.everything().size() - 1);
        assertThat(written.epochNanos()).isEqualTo(EventClock.epochNanos(6 * SECOND));

        now += SECOND;
        agent.doWork();
        assertThat(accounts(store)).as("nothing new: no account").hasSize(1);

        emit(5); // 4 accepted, 1 dropped
        now += SECOND;
        agent.doWork();
        assertThat(accounts(store))
                .element(1)
                .isEqualTo(new RecorderAccount(false, EventClock.epochNanos(6 * SECOND), 1, 0, 0, 0, 12, 8, 4, 0));
    }

    @Test
    void lostBatches_accounted_andAnAccountTheStoreRefusedIsCarriedIntoTheNext() {
        // Append 1 (the batch) fails; append 2 (the first account) fails; then everything works.
        RecordingStore store = new RecordingStore(n -> n <= 2 ? new IOException("disk full") : null);
        DrainAgent agent = agent(store);
        emit(3);
        agent.doWork();
        assertThat(agent.lost()).isEqualTo(3);

        now += SECOND;
        agent.doWork();
        assertThat(accounts(store)).as("the store refused it").isEmpty();
        assertThat(agent.accounts()).isZero();

        now += 30 * SECOND; // past the store's backoff
        agent.doWork();
        assertThat(accounts(store))
                .containsExactly(new RecorderAccount(false, EventClock.epochNanos(5 * SECOND), 0, 0, 0, 3, 3, 0, 0, 3));

        emitter.close();
        agent.onClose();
        RecorderAccount last = accounts(store).get(1);
        assertThat(last.closing()).isTrue();
        assertThat(last.lost()).isZero();
        assertThat(last.emitted()).isEqualTo(last.persisted() + last.droppedTotal() + last.lostTotal());
    }

    @Test
    void storeUnusableAtClose_noFinalAccount() {
        RecordingStore store = new RecordingStore(n -> new IOException("gone"));
        ManagedStore managed = new ManagedStore(store, null, "test", log);
        DrainAgent agent =
                new DrainAgent(emitter, managed, 100, SECOND, 10 * SECOND, () -> now, (full, closed, e) -> {}, log);
        for (int i = 0; i < ManagedStore.FAILURES_BEFORE_BACKOFF; i++) {
            emit(1);
            agent.doWork();
        }
        emitter.close();
        agent.onClose();
        assertThat(store.everything()).isEmpty();
        assertThat(agent.accounts()).isZero();
    }
}
