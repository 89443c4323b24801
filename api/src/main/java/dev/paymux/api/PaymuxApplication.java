package dev.paymux.api;

import dev.paymux.dashboard.DashboardConfiguration;
import dev.paymux.db.PersistenceConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import({PersistenceConfiguration.class, DashboardConfiguration.class})
public class PaymuxApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymuxApplication.class, args);
    }
}
