package dev.telltale.api;

import java.util.List;

/**
 * Whether Telltale is recording as it should, and why not.
 *
 * @param status the verdict
 * @param reasons why the status is not {@link Status#HEALTHY}, one short sentence each; empty when healthy
 * @param stats the counters the verdict was made from
 * @param store the store's kind and where it writes, or {@code "none"} when disabled
 * @param lastStoreError the store's last failure as one line, or {@code null}
 */
public record EventHealth(Status status, List<String> reasons, EventStats stats, String store, String lastStoreError) {

    /** Drop rates from this share up make the status {@link Status#DEGRADED}: {@value}. */
    public static final double DEGRADED_DROP_RATE = 0.01;

    public EventHealth {
        reasons = List.copyOf(reasons);
    }

    /** The verdict. */
    public enum Status {
        /** Drop rate under {@link #DEGRADED_DROP_RATE}, the drain alive and the store working. */
        HEALTHY,
        /** Recording, but losing or at risk of losing events; see {@link #reasons()}. */
        DEGRADED,
        /** Not recording: switched off by configuration, or compiled out (see {@link #reasons()}). */
        DISABLED
    }

    /** Whether the status is {@link Status#HEALTHY}. */
    public boolean isHealthy() {
        return status == Status.HEALTHY;
    }
}
