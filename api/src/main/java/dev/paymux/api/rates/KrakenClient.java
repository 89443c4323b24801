package dev.paymux.api.rates;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Kraken's public ticker ({@code GET /0/public/Ticker?pair=XBTUSD,ETHEUR,...}): {@code {"error":[],
 * "result":{"XXBTZUSD":{"c":["<last price>","<lot volume>"],...}}}}. The URL comes from
 * {@code spring.cloud.openfeign.client.config.kraken.url}. Raw body, parsed by {@link KrakenRates}.
 */
@FeignClient(name = "kraken")
interface KrakenClient {

    @GetMapping(value = "/0/public/Ticker", produces = "application/json")
    String ticker(@RequestParam("pair") String pairs);
}
