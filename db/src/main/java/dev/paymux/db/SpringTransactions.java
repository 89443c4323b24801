package dev.paymux.db;

import dev.paymux.core.tx.Transactions;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

final class SpringTransactions implements Transactions {

    private final TransactionTemplate template;

    SpringTransactions(TransactionTemplate template) {
        this.template = template;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
