package dev.paymux.db;

import static dev.paymux.db.Sql.ts;

import dev.paymux.core.chain.WatchedAddresses;
import dev.paymux.core.money.Asset;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The addresses worth watching: the whole imported pool, plus the addresses of payments that can still
 * take a transfer (open, or expired within the late-payment window), which covers derived addresses:
 * each is watched only while its payment can still be paid.
 */
final class JdbcWatchedAddresses implements WatchedAddresses {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lateWindow;

    JdbcWatchedAddresses(JdbcClient jdbc, Clock clock, Duration lateWindow) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lateWindow = lateWindow;
    }

    @Override
    public Set<String> addresses(Asset asset) {
        return new LinkedHashSet<>(jdbc.sql("""
                select address from receiving_addresses where asset = :asset and derivation_index is null
                union
                select pay_address from payments
                where asset = :asset and pay_address is not null
                  and (status in ('pending', 'confirming', 'underpaid')
                       or (status = 'expired' and expires_at >= :since))
                """).param("asset", asset.name()).param("since", ts(clock.instant().minus(lateWindow)))
                .query(String.class).list());
    }
}
