package dev.paymux.api.payment;

import static dev.paymux.api.web.ApiException.badRequest;

import dev.paymux.core.payment.CreateDonation;
import dev.paymux.core.payment.Donor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code POST /donate/create} body as strictly as a create-payment body: a known field of the wrong
 * type, a malformed amount, an unknown currency or an over-long donor text is a 400 before anything is
 * looked up or written. Business rules (one of the two amounts, accepted currency) are the service's.
 */
@Component
public class DonationParser {

    /** Longer than any key this gateway issues; a longer one is not worth a database look-up. */
    private static final int MAX_API_KEY = 200;

    private final JsonMapper json;

    DonationParser(JsonMapper json) {
        this.json = json;
    }

    /** A parsed donation and the API key of the store it is for. */
    public record DonationRequest(String apiKey, CreateDonation donation) {
        @Override
        public String toString() {
            return "DonationRequest[apiKey=***, donation=" + donation + "]";
        }
    }

    DonationRequest parse(byte[] body) {
        return parse(CreatePaymentParser.readObject(json, body));
    }

    /**
     * The same rules for a body already read as JSON: the donation page's plain form POST arrives as
     * form fields and is checked here like the API's body, so both ways refuse the same input.
     */
    public DonationRequest parse(JsonNode root) {
        String apiKey = apiKey(root.get("api_key"));
        JsonNode currency = root.get("currency");
        if (absent(currency)) {
            throw badRequest("currency is required: USDT_TRC20, BTC or ETH");
        }
        CreateDonation donation = new CreateDonation(
                CreatePaymentParser.asset(currency),
                CreatePaymentParser.amount("amount", root.get("amount")),
                CreatePaymentParser.amount("fiat_amount", root.get("fiat_amount")),
                CreatePaymentParser.fiat(root.get("fiat_currency")),
                new Donor(text("donor_name", root.get("donor_name"), Donor.MAX_NAME, false),
                        text("donor_message", root.get("donor_message"), Donor.MAX_MESSAGE, true)));
        return new DonationRequest(apiKey, donation);
    }

    private static String apiKey(JsonNode node) {
        if (absent(node) || !node.isString() || node.asString().isBlank()) {
            throw badRequest("api_key is required: the store's API key");
        }
        String key = node.asString().trim();
        if (key.length() > MAX_API_KEY) {
            throw badRequest("api_key is not a valid API key");
        }
        return key;
    }

    /** Trimmed; empty means not given. A message may span lines, a name may not; other control characters never. */
    private static String text(String field, JsonNode node, int max, boolean multiline) {
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            throw badRequest(field + " must be a string");
        }
        String value = node.asString().strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw badRequest(field + " must be at most " + max + " characters");
        }
        boolean badControl = value.codePoints().anyMatch(c -> Character.isISOControl(c)
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
        if (badControl) {
            throw badRequest(field + " must not contain control characters");
        }
        return value;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }
}
