package dev.paymux.api.admin;

import static dev.paymux.api.web.ApiException.badRequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.api.web.JsonBodies;
import dev.paymux.core.store.AccountId;
import dev.paymux.core.user.DashboardUser;
import dev.paymux.core.user.Role;
import dev.paymux.core.user.UserId;
import dev.paymux.dashboard.users.UserAdministration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Dashboard users through the admin API: add (the password made up is shown once), list, disable. */
@RestController
@Tag(name = "Admin", description = "Operator API (Authorization: Bearer <operator token>)")
@SecurityRequirement(name = "admin")
class UsersAdminController {

    private final UserAdministration users;
    private final JsonMapper json;

    UsersAdminController(UserAdministration users, JsonMapper json) {
        this.users = users;
        this.json = json;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserView(@JsonProperty("user_id") String userId, String email, String role,
            @JsonProperty("account_id") String accountId, boolean enabled, boolean locked,
            @JsonProperty("password") String password) {
        static UserView of(DashboardUser u, String password) {
            return new UserView(u.id().toString(), u.email(), u.role().wire(),
                    u.account() == null ? null : u.account().toString(), u.enabled(), u.lockedUntil() != null
                            && u.lockedUntil().isAfter(java.time.Instant.now()), password);
        }
    }

    @PostMapping("/admin/v1/users")
    @Operation(summary = "Add a dashboard user",
            description = "Body: email, role (merchant or operator), account_id (a merchant's account), password "
                    + "(optional, at least " + UserAdministration.MIN_PASSWORD + " characters; without it one is made "
                    + "up and returned in this answer only).")
    ApiResponse<UserView> create(HttpServletRequest request) throws IOException {
        JsonNode root = JsonBodies.object(request, json);
        String email = JsonBodies.text(root, "email", 320);
        if (email == null) {
            throw badRequest("email is required");
        }
        String roleText = JsonBodies.text(root, "role", 20);
        Role role = "operator".equals(roleText) ? Role.OPERATOR : "merchant".equals(roleText) ? Role.MERCHANT : null;
        if (role == null) {
            throw badRequest("role must be merchant or operator");
        }
        AccountId account = null;
        String accountText = JsonBodies.text(root, "account_id", 64);
        if (accountText != null) {
            try {
                account = new AccountId(UUID.fromString(accountText));
            } catch (IllegalArgumentException e) {
                throw badRequest("account_id must be a UUID");
            }
        }
        // Taken as typed: a password is not trimmed.
        JsonNode passwordNode = root.get("password");
        if (passwordNode != null && !passwordNode.isNull() && (!passwordNode.isString() || passwordNode.asString().length() > 200)) {
            throw badRequest("password must be text of at most 200 characters");
        }
        String password = passwordNode == null || passwordNode.isNull() ? null : passwordNode.asString();
        try {
            UserAdministration.Created created = users.create(email, role, account, password);
            return ApiResponse.ok(UserView.of(created.user(), created.generatedPassword()));
        } catch (UserAdministration.Refused e) {
            throw badRequest(e.getMessage());
        }
    }

    @GetMapping("/admin/v1/users")
    @Operation(summary = "The dashboard users")
    ApiResponse<List<UserView>> list() {
        return ApiResponse.ok(users.list().stream().map(u -> UserView.of(u, null)).toList());
    }

    @PatchMapping("/admin/v1/users/{userId}")
    @Operation(summary = "Disable or enable a dashboard user", description = "Body: {\"enabled\": false}")
    ApiResponse<UserView> update(@PathVariable String userId, HttpServletRequest request) throws IOException {
        UserId id = parse(userId);
        JsonNode enabled = JsonBodies.object(request, json).get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw badRequest("enabled must be true or false");
        }
        if (!users.setEnabled(id, enabled.asBoolean())) {
            throw ApiException.notFound("user not found");
        }
        return ApiResponse.ok(UserView.of(users.find(id).orElseThrow(), null));
    }

    private static UserId parse(String id) {
        try {
            return new UserId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("user not found");
        }
    }
}
