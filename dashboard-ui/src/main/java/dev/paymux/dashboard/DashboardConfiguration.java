package dev.paymux.dashboard;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The dashboard at {@code /dashboard}: sign-in (Spring Security, users in PostgreSQL, sessions in
 * PostgreSQL through Spring Session JDBC), merchants' stores and payments, operators' users. The api
 * application imports this; it reads and changes data only through core's ports.
 */
@Configuration
@ComponentScan
@EnableConfigurationProperties(DashboardProperties.class)
public class DashboardConfiguration {
}
