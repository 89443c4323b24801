package dev.paymux.core.store;

/**
 * Encryption of the secrets Paymux must read back (API secrets to check signatures, webhook secrets to
 * sign): what storage holds is sealed, never the secret itself.
 */
public interface SecretBox {

    /** The secret sealed for storage (null stays null). */
    String seal(String secret);

    /**
     * The secret a stored value holds (null stays null). A value stored before secrets were sealed is
     * returned as it is, until {@link #needsResealing} has it sealed.
     */
    String open(String stored);

    /** Whether a stored value is unsealed, or sealed with a key that is no longer the primary one. */
    boolean needsResealing(String stored);

    /** Keeps secrets as they are: for code that runs without the application's key (tests of storage alone). */
    SecretBox NONE = new SecretBox() {
        @Override
        public String seal(String secret) {
            return secret;
        }

        @Override
        public String open(String stored) {
            return stored;
        }

        @Override
        public boolean needsResealing(String stored) {
            return false;
        }
    };
}
