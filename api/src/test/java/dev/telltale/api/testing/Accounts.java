package dev.telltale.api.testing;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventPayload.RecorderAccount;
import dev.telltale.api.EventType;
import java.util.List;

/**
 * Telling the application's events from the recorder's own accounts in what a store holds: tests that
 * count what the files hold compare the one with {@code persisted} and the others with the drops.
 */
public final class Accounts {

    private Accounts() {}

    /** The events that are not recorder accounts, in their order. */
    public static List<DslEvent> withoutAccounts(List<DslEvent> events) {
        return events.stream()
                .filter(event -> event.type() != EventType.RECORDER_ACCOUNT)
                .toList();
    }

    /** The recorder accounts among {@code events}, in their order. */
    public static List<RecorderAccount> accounts(List<DslEvent> events) {
        return events.stream()
                .filter(event -> event.type() == EventType.RECORDER_ACCOUNT)
                .map(event -> (RecorderAccount) event.payload())
                .toList();
    }

    /** The one final account among {@code events}; fails if there is none or more than one. */
    public static RecorderAccount finalAccount(List<DslEvent> events) {
        List<RecorderAccount> finals =
                accounts(events).stream().filter(RecorderAccount::closing).toList();
        if (finals.size() != 1) {
            throw new AssertionError("expected one final recorder account, found " + finals.size());
        }
        return finals.get(0);
    }
}
