package dev.paymux.api.chain;

import dev.paymux.core.chain.ChainWatcher;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;

@Configuration(proxyBeanMethods = false)
class WatcherFleetConfiguration {

    /** Locks in the shared database ({@code int_lock}); region {@code chain-watchers}. */
    @Bean
    DefaultLockRepository watcherLockRepository(DataSource dataSource) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion("chain-watchers");
        return repository;
    }

    @Bean
    JdbcLockRegistry watcherLocks(DefaultLockRepository watcherLockRepository, ChainProperties properties) {
        return new JdbcLockRegistry(watcherLockRepository, properties.lockTtl());
    }

    @Bean
    WatcherFleet watcherFleet(List<ChainWatcher> watchers, IntegrationFlowContext flows, JdbcLockRegistry watcherLocks,
            ApplicationEventPublisher events, ChainProperties properties, Clock clock) {
        return new WatcherFleet(watchers, flows, watcherLocks, events, properties, clock);
    }
}
