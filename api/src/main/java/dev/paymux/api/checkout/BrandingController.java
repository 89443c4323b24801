package dev.paymux.api.checkout;

import static dev.paymux.api.web.ApiException.badRequest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.auth.CachedBodyRequest;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.api.web.JsonBodies;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreBranding;
import dev.paymux.core.store.StoreBrandings;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.Stores;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A store's checkout branding: accent colour and "back to the store" URL, and a logo uploaded to Paymux
 * and served by it ({@code /pay/logos/{store}}), so the customer's page asks no other host.
 */
@RestController
@Tag(name = "Admin", description = "Operator API (Authorization: Bearer <operator token>)")
@SecurityRequirement(name = "admin")
class BrandingController {

    private final Stores stores;
    private final StoreBrandings brandings;
    private final JsonMapper json;
    private final Clock clock;

    BrandingController(Stores stores, StoreBrandings brandings, JsonMapper json, Clock clock) {
        this.stores = stores;
        this.brandings = brandings;
        this.json = json;
        this.clock = clock;
    }

    record BrandingView(@JsonProperty("store_id") String storeId, @JsonProperty("accent_color") String accentColor,
            @JsonProperty("return_url") String returnUrl, @JsonProperty("logo_url") String logoUrl) {
        static BrandingView of(StoreBranding b) {
            return new BrandingView(b.store().toString(), b.accentColor(), b.returnUrl(),
                    b.hasLogo() ? "/pay/logos/" + b.store() : null);
        }
    }

    @GetMapping("/admin/v1/stores/{storeId}/branding")
    @Operation(summary = "The store's checkout branding")
    ApiResponse<BrandingView> get(@PathVariable String storeId) {
        return ApiResponse.ok(BrandingView.of(brandings.find(store(storeId).id())));
    }

    @PutMapping("/admin/v1/stores/{storeId}/branding")
    @Operation(summary = "Set the store's accent colour and return URL",
            description = "Body: {\"accent_color\":\"#0a7d5a\",\"return_url\":\"https://shop.example/thanks\"}. "
                    + "A field left out keeps its value; null removes it. The return URL is the checkout's "
                    + "\"back to the store\" link once a payment is complete (http or https).")
    ApiResponse<BrandingView> put(@PathVariable String storeId, HttpServletRequest request) throws IOException {
        Store store = store(storeId);
        JsonNode root = JsonBodies.object(request, json);
        StoreBranding old = brandings.find(store.id());
        String color = root.has("accent_color") ? color(root.get("accent_color")) : old.accentColor();
        String returnUrl = root.has("return_url") ? returnUrl(root.get("return_url")) : old.returnUrl();
        brandings.put(store.id(), color, returnUrl, clock.instant());
        return ApiResponse.ok(BrandingView.of(brandings.find(store.id())));
    }

    @PutMapping("/admin/v1/stores/{storeId}/branding/logo")
    @Operation(summary = "Upload the store's logo", description = "The body is the image itself: PNG, JPEG or WebP, "
            + "at most 64 KiB (the type is read from the bytes; SVG is refused). Served at /pay/logos/{store_id}.")
    ApiResponse<BrandingView> putLogo(@PathVariable String storeId, HttpServletRequest request) throws IOException {
        Store store = store(storeId);
        byte[] image = request instanceof CachedBodyRequest cached ? cached.body() : request.getInputStream().readAllBytes();
        if (image.length == 0) {
            throw badRequest("the body must be the logo image (PNG, JPEG or WebP)");
        }
        if (image.length > StoreBranding.MAX_LOGO_BYTES) {
            throw badRequest("the logo must be at most " + StoreBranding.MAX_LOGO_BYTES / 1024 + " KiB");
        }
        String type = StoreBranding.imageType(image)
                .orElseThrow(() -> badRequest("the logo must be a PNG, JPEG or WebP image"));
        brandings.putLogo(store.id(), type, image, clock.instant());
        return ApiResponse.ok(BrandingView.of(brandings.find(store.id())));
    }

    @DeleteMapping("/admin/v1/stores/{storeId}/branding/logo")
    @Operation(summary = "Remove the store's logo")
    ApiResponse<BrandingView> deleteLogo(@PathVariable String storeId) {
        Store store = store(storeId);
        if (!brandings.removeLogo(store.id(), clock.instant())) {
            throw ApiException.notFound("the store has no logo");
        }
        return ApiResponse.ok(BrandingView.of(brandings.find(store.id())));
    }

    /** The logo on the customer's pages: public, as the pages are, and never anything but an image. */
    @GetMapping("/pay/logos/{storeId}")
    @Hidden
    ResponseEntity<byte[]> logo(@PathVariable String storeId) {
        return StoreId.parse(storeId).flatMap(brandings::logo)
                .map(l -> ResponseEntity.ok().contentType(MediaType.parseMediaType(l.type()))
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)))
                        .lastModified(l.updatedAt())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Security-Policy", "default-src 'none'")
                        .body(l.image()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    private Store store(String storeId) {
        return StoreId.parse(storeId).flatMap(stores::findById).orElseThrow(() -> ApiException.notFound("store not found"));
    }

    private static String color(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        return StoreBranding.color(node.isString() ? node.asString() : null)
                .orElseThrow(() -> badRequest("accent_color must be a colour such as \"#0a7d5a\""));
    }

    private static String returnUrl(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        return StoreBranding.returnUrl(node.isString() ? node.asString() : null).orElseThrow(() ->
                badRequest("return_url must be an http or https URL with a host (up to 2048 characters)"));
    }
}
