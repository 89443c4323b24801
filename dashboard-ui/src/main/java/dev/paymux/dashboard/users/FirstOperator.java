package dev.paymux.dashboard.users;

import dev.paymux.core.user.Role;
import dev.paymux.dashboard.DashboardProperties;
import java.io.PrintStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On a start with no dashboard user: an operator user ({@code paymux.dashboard.first-operator}, default
 * {@code operator@localhost}) with a made-up password, printed to the console this once, never logged.
 */
@Component
class FirstOperator implements ApplicationRunner {

    private final UserAdministration users;
    private final DashboardProperties settings;
    private final String publicUrl;
    private final PrintStream console = System.out;

    FirstOperator(UserAdministration users, DashboardProperties settings, @Value("${paymux.public-url}") String publicUrl) {
        this.users = users;
        this.settings = settings;
        this.publicUrl = publicUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.isEmpty()) {
            return;
        }
        UserAdministration.Created created;
        try {
            created = users.create(settings.firstOperator(), Role.OPERATOR, null, null);
        } catch (UserAdministration.Refused e) {
            // Another instance made it first.
            return;
        }
        console.println("\n================ Paymux dashboard ================\n"
                + "Sign in at " + publicUrl + "/dashboard as an operator. Shown only now:\n"
                + "  E-mail:   " + created.user().email() + "\n"
                + "  Password: " + created.generatedPassword() + "\n"
                + "==================================================\n");
    }
}
