package dev.paymux.cryptomus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** One WireMock server per test, standing in for Cryptomus. */
abstract class CryptomusWireMockTest {

    protected WireMockServer wireMock;

    @BeforeEach
    void startWireMock() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
    }

    @AfterEach
    void stopWireMock() {
        wireMock.stop();
    }

    protected CryptomusProvider provider(int breakerWindow) {
        return new CryptomusProvider(CryptomusFixtures.config(wireMock.baseUrl(), breakerWindow));
    }

    protected static ResponseDefinitionBuilder json(int status, String stub, Map<String, String> vars) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(CryptomusFixtures.stub(stub, vars));
    }
}
