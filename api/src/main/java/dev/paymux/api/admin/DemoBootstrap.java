package dev.paymux.api.admin;

import dev.paymux.core.money.Asset;
import dev.paymux.core.store.StoreDirectory.StoreSettings;
import dev.paymux.core.store.Stores;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty database: a demo account with one store that accepts USDT_TRC20 on a
 * small pool of TRON Nile testnet addresses, and an operator token. The secrets are printed to the
 * console this once (never to the log) with a ready-to-paste curl example.
 */
@Component
class DemoBootstrap implements ApplicationRunner {

    /** Valid TRON (base58check) addresses for the demo pool; receive-only, nobody holds their keys. */
    static final List<String> DEMO_ADDRESSES = List.of(
            "TQ2T4G97MrcXn8JN8922F42n8ygwb7vT7o",
            "TPceqifcwZpAsg5N4yfNwRNpyJztK5u3qr",
            "TG7uAMDM254cBA9pkuNvA1E528QpiH1NHq",
            "TVqmj7iLX6Grt6vgfS5CTuwTxaeAJeAZwK",
            "TBWbSDM2DSZnRrq1UHEduB78iCPsT6eG8n");

    private final Stores stores;
    private final StoreAdministration administration;
    private final boolean enabled;
    private final String configuredAdminToken;
    private final String publicUrl;
    private final PrintStream console;

    DemoBootstrap(Stores stores, StoreAdministration administration, @Value("${paymux.demo.enabled:true}") boolean enabled,
            @Value("${paymux.admin.token:}") String configuredAdminToken, @Value("${paymux.public-url}") String publicUrl) {
        this.stores = stores;
        this.administration = administration;
        this.enabled = enabled;
        this.configuredAdminToken = configuredAdminToken;
        this.publicUrl = publicUrl;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !stores.isEmpty()) {
            return;
        }
        var issued = administration.createStore(null, "Demo account", "Demo store",
                new StoreSettings(List.of(Asset.USDT_TRC20), "USD", 1800, BigDecimal.ZERO, null));
        administration.importAddresses(issued.storeId(), Asset.USDT_TRC20, DEMO_ADDRESSES);
        String adminToken = configuredAdminToken.isBlank() ? administration.issueOperatorToken("first start") : null;
        console.println(banner(issued, adminToken, publicUrl));
    }

    static String banner(StoreAdministration.IssuedCredentials c, String adminToken, String baseUrl) {
        StringBuilder b = new StringBuilder();
        b.append("\n================ Paymux: first start ================\n");
        b.append("Demo store created (accepts USDT_TRC20). These secrets are shown only now:\n");
        b.append("  API key:        ").append(c.apiKey()).append('\n');
        b.append("  API secret:     ").append(c.apiSecret()).append('\n');
        b.append("  Webhook secret: ").append(c.webhookSecret()).append('\n');
        if (adminToken != null) {
            b.append("  Operator token: ").append(adminToken).append("   (admin API: Authorization: Bearer ...)\n");
        }
        b.append("\nCreate a payment:\n\n");
        b.append("BASE_URL=").append(baseUrl).append('\n');
        b.append("API_KEY=").append(c.apiKey()).append('\n');
        b.append("API_SECRET=").append(c.apiSecret()).append('\n');
        b.append("TIMESTAMP=$(date +%s)\n");
        b.append("BODY='{\"amount\":\"100.00\",\"order_id\":\"ORDER-1\"}'\n");
        b.append("SIGNATURE=$(echo -n \"${TIMESTAMP}POST/api/v1/payment/create${BODY}\" | openssl dgst -sha256 -hmac \"$API_SECRET\" | cut -d' ' -f2)\n");
        b.append("curl -X POST \"$BASE_URL/api/v1/payment/create\" -H \"Content-Type: application/json\" \\\n");
        b.append("  -H \"X-Api-Key: $API_KEY\" -H \"X-Timestamp: $TIMESTAMP\" -H \"X-Signature: $SIGNATURE\" -d \"$BODY\"\n");
        b.append("=====================================================\n");
        return b.toString();
    }
}
