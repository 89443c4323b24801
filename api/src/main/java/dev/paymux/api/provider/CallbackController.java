package dev.paymux.api.provider;

import dev.paymux.api.auth.CachedBodyRequest;
import dev.paymux.core.spi.CallbackRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where providers post their status callbacks, one path per provider instance. */
@RestController
@Tag(name = "Provider callbacks", description = "Called by payment providers, verified by each provider's own scheme")
class CallbackController {

    private final CallbackGateway gateway;

    CallbackController(CallbackGateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping("/callbacks/{instance}")
    @Operation(summary = "A provider's status callback", description = "The body is passed byte for byte to the "
            + "instance's adapter, which verifies it; the answer is what that provider expects.")
    ResponseEntity<String> callback(@PathVariable String instance, HttpServletRequest request) throws IOException {
        byte[] body = request instanceof CachedBodyRequest cached ? cached.body() : request.getInputStream().readAllBytes();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        CallbackReply reply = gateway.handle(new InboundCallback(instance,
                new CallbackRequest(headers, body, request.getContentType(), request.getRemoteAddr())));
        return ResponseEntity.status(reply.status()).contentType(MediaType.TEXT_PLAIN)
                .body(reply.body() == null ? "" : reply.body());
    }
}
