package dev.paymux.db;

import dev.paymux.core.store.OperatorTokens;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcOperatorTokens implements OperatorTokens {

    private final JdbcClient jdbc;

    JdbcOperatorTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(String tokenHash, String label) {
        jdbc.sql("insert into operator_tokens (token_hash, label) values (:hash, :label)")
                .param("hash", tokenHash).param("label", label).update();
    }

    @Override
    public boolean exists(String tokenHash) {
        return jdbc.sql("select exists (select 1 from operator_tokens where token_hash = :hash)")
                .param("hash", tokenHash).query(Boolean.class).single();
    }
}
