package dev.paymux.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code paymux.dashboard.*}.
 *
 * @param firstOperator    the e-mail address of the operator user made on the first start, when there is none
 * @param maxFailedSignIns wrong passwords in a row that lock a user
 * @param lockout          how long such a user stays locked
 */
@ConfigurationProperties("paymux.dashboard")
public record DashboardProperties(String firstOperator, Integer maxFailedSignIns, Duration lockout) {

    public DashboardProperties {
        firstOperator = firstOperator == null || firstOperator.isBlank() ? "operator@localhost" : firstOperator.strip();
        maxFailedSignIns = maxFailedSignIns == null ? 5 : maxFailedSignIns;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        if (maxFailedSignIns < 1) {
            throw new IllegalArgumentException("paymux.dashboard.max-failed-sign-ins must be at least 1");
        }
    }
}
