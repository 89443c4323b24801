package dev.paymux.core.payment;

/**
 * Who gave a donation, as the donor chose to say; both parts are optional.
 *
 * @param name     up to {@link #MAX_NAME} characters, or null
 * @param message  up to {@link #MAX_MESSAGE} characters, or null
 */
public record Donor(String name, String message) {

    public static final int MAX_NAME = 100;
    /** The seed's limit ("máx. 500 caracteres"). */
    public static final int MAX_MESSAGE = 500;

    public static final Donor ANONYMOUS = new Donor(null, null);

    public Donor {
        // Counted in code points, as a person counts characters (an emoji is one).
        if (name != null && name.codePointCount(0, name.length()) > MAX_NAME) {
            throw new IllegalArgumentException("donor_name must be at most " + MAX_NAME + " characters");
        }
        if (message != null && message.codePointCount(0, message.length()) > MAX_MESSAGE) {
            throw new IllegalArgumentException("donor_message must be at most " + MAX_MESSAGE + " characters");
        }
    }
}
