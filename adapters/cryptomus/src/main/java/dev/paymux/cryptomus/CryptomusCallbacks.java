package dev.paymux.cryptomus;

import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies and reads Cryptomus webhooks. The signature is the body's {@code sign} member:
 * {@code md5(base64(json_encode($data, JSON_UNESCAPED_UNICODE)) . $apiKey)} of the body without
 * {@code sign}. A callback is accepted when that matches either
 * <ol>
 *   <li>the raw body with only the {@code sign} member cut out, every other byte as received, or</li>
 *   <li>the body decoded and encoded again the way PHP does ({@link PhpJson.Flavour#DECODED_UNESCAPED_UNICODE}),
 *       for bodies that were sent in a different spelling from the one signed (e.g. with {@code \u00e9}
 *       escapes or spaces).</li>
 * </ol>
 * Nothing here throws: whatever fails is a {@link CallbackResult.Rejected} with a reason for the log.
 */
final class CryptomusCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(CryptomusCallbacks.class);
    private static final int MAX_BODY = 64 * 1024;

    private final CryptomusSignature signature;
    private final CryptomusMapping mapping;
    private final Set<String> allowedIps;
    private final String instance;

    CryptomusCallbacks(String instance, CryptomusSignature signature, CryptomusMapping mapping, Set<String> allowedIps) {
        this.instance = instance;
        this.signature = signature;
        this.mapping = mapping;
        this.allowedIps = allowedIps;
    }

    CallbackResult parse(CallbackRequest request) {
        try {
            return verifyAndRead(request);
        } catch (RuntimeException e) {
            return reject("unreadable callback: " + e.getMessage());
        }
    }

    private CallbackResult verifyAndRead(CallbackRequest request) {
        if (!allowedIps.isEmpty() && (request.remoteAddress() == null || !allowedIps.contains(request.remoteAddress()))) {
            return reject("callback from " + request.remoteAddress() + ", not an allowed Cryptomus address");
        }
        if (request.body().length == 0 || request.body().length > MAX_BODY) {
            return reject("empty or oversized body");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(request.body())).toString();
        } catch (CharacterCodingException e) {
            return reject("body is not UTF-8");
        }
        PhpJson.Document doc;
        try {
            doc = PhpJson.parse(text);
        } catch (IllegalArgumentException e) {
            return reject("body is not JSON: " + e.getMessage());
        }
        if (!(doc.value() instanceof Map<?, ?> rawMap)) {
            return reject("body is not a JSON object");
        }
        if (PhpJson.count(doc, "sign") != 1 || !(rawMap.get("sign") instanceof String claimed) || claimed.isBlank()) {
            return reject("no (single) sign member");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        rawMap.forEach((k, v) -> data.put((String) k, v));
        data.remove("sign");

        byte[] cut = PhpJson.withoutMember(doc, "sign").getBytes(StandardCharsets.UTF_8);
        boolean verified = signature.matches(cut, claimed);
        if (!verified) {
            verified = signature.matches(PhpJson.encodeBytes(data, PhpJson.Flavour.DECODED_UNESCAPED_UNICODE), claimed);
        }
        if (!verified) {
            return reject("signature does not match");
        }
        try {
            return new CallbackResult.Accepted(mapping.update(data), 200, "OK");
        } catch (RuntimeException e) {
            return reject("signed but unreadable: " + e.getMessage());
        }
    }

    private CallbackResult reject(String reason) {
        LOG.warn("Cryptomus instance {} rejected a callback: {}", instance, reason);
        return new CallbackResult.Rejected(reason);
    }
}
