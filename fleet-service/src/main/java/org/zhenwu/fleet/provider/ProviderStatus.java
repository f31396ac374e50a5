package org.zhenwu.fleet.provider;

/** A provider is designated within its contract period until the contract is terminated early. */
public enum ProviderStatus {
    ACTIVE,
    TERMINATED;

    public boolean canMoveTo(ProviderStatus next) {
        return this == ACTIVE && next == TERMINATED;
    }
}
