package dev.paymux.api.rates;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Coinbase's public exchange rates ({@code GET /v2/exchange-rates?currency=BTC}): how much of every other
 * currency one unit of {@code currency} buys, as decimal strings under {@code data.rates}. The URL comes
 * from {@code spring.cloud.openfeign.client.config.coinbase.url}.
 *
 * <p>The body is returned raw and parsed by {@link CoinbaseRates} so a malformed body is that source's
 * typed failure rather than a decoder exception deep inside Feign.
 */
@FeignClient(name = "coinbase")
interface CoinbaseClient {

    @GetMapping(value = "/v2/exchange-rates", produces = "application/json")
    String exchangeRates(@RequestParam("currency") String currency);
}
