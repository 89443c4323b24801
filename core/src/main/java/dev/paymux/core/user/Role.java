package dev.paymux.core.user;

/** What a dashboard user may see: a merchant its own account's stores, an operator everything. */
public enum Role {
    MERCHANT,
    OPERATOR;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
