package dev.paymux.exchanger;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** One WireMock server per test, as in the conformance kit, warmed up before the test's first request. */
abstract class ExchangerWireMockSupport {

    protected WireMockServer wireMock;

    @BeforeEach
    void startWireMock() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
        ExchangerFixtures.warmUp(wireMock.baseUrl());
    }

    @AfterEach
    void stopWireMock() {
        wireMock.stop();
    }

    protected int requests() {
        return wireMock.getAllServeEvents().size();
    }
}
