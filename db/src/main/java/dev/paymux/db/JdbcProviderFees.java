package dev.paymux.db;

import static dev.paymux.db.Sql.ts;

import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.providers.ProviderFees;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcProviderFees implements ProviderFees {

    private final JdbcClient jdbc;

    JdbcProviderFees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, List<PayMethod>> all() {
        Map<String, List<PayMethod>> out = new LinkedHashMap<>();
        jdbc.sql("select * from provider_fees order by instance, position").query((ResultSet rs) -> {
            out.computeIfAbsent(rs.getString("instance"), k -> new ArrayList<>()).add(method(rs));
        });
        return out;
    }

    @Override
    public List<PayMethod> of(String instance) {
        return jdbc.sql("select * from provider_fees where instance = :i order by position").param("i", instance)
                .query((rs, n) -> method(rs)).list();
    }

    @Override
    public void replace(String instance, List<PayMethod> methods, Instant now) {
        jdbc.sql("delete from provider_fees where instance = :i").param("i", instance).update();
        int position = 0;
        for (PayMethod m : methods) {
            FeeSchedule f = m.fees();
            jdbc.sql("""
                    insert into provider_fees (instance, currency, min, max, percent, fixed, minimum, network_fee,
                        fx_spread_percent, available, position, updated_at)
                    values (:i, :c, :min, :max, :percent, :fixed, :minimum, :network, :fx, :available, :pos, :now)
                    """).param("i", instance).param("c", m.currency()).param("min", m.min()).param("max", m.max())
                    .param("percent", f.percent()).param("fixed", f.fixed()).param("minimum", f.minimum())
                    .param("network", f.networkFee()).param("fx", f.fxSpreadPercent())
                    .param("available", m.available()).param("pos", position++).param("now", ts(now)).update();
        }
    }

    private static PayMethod method(ResultSet rs) throws SQLException {
        return new PayMethod(rs.getString("currency"), Sql.decimal(rs, "min"), Sql.decimal(rs, "max"),
                new FeeSchedule(Sql.decimal(rs, "percent"), Sql.decimal(rs, "fixed"), Sql.decimal(rs, "minimum"),
                        Sql.decimal(rs, "network_fee"), Sql.decimal(rs, "fx_spread_percent")),
                rs.getBoolean("available"));
    }
}
