#!/usr/bin/env bash
# Creates the skeleton of a provider adapter module: adapters/<name>/ with its pom, a config record, a
# provider class, a status table, a Feign client interface, a conformance test extending the kit, a
# README template, and the module line in the root pom. See docs/adding-an-adapter.md for what comes next.
#
#   scripts/new-adapter.sh <name>      e.g. scripts/new-adapter.sh paygate
#
# <name> is the provider type: lower-case letters and digits, starting with a letter. It becomes the
# directory adapters/<name>, the artifact paymux-<name> and the package dev.paymux.<name>.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: $0 <name>   (lower-case letters and digits, starting with a letter, e.g. paygate)" >&2
  exit 2
}

[ $# -eq 1 ] || usage
NAME="$1"
[[ "$NAME" =~ ^[a-z][a-z0-9]*$ ]] || usage
case "$NAME" in
  testkit|native|core|api|db|bench) echo "$NAME is taken by an existing module" >&2; exit 1 ;;
esac
CLASS="$(tr '[:lower:]' '[:upper:]' <<<"${NAME:0:1}")${NAME:1}"
DIR="adapters/$NAME"
PKG_PATH="dev/paymux/$NAME"
MAIN="$DIR/src/main/java/$PKG_PATH"
TEST="$DIR/src/test/java/$PKG_PATH"

if [ -e "$DIR" ]; then
  echo "$DIR already exists" >&2
  exit 1
fi
if grep -q "<module>$DIR</module>" pom.xml; then
  echo "pom.xml already lists $DIR" >&2
  exit 1
fi
LAST_ADAPTER_LINE=$(grep -n '<module>adapters/' pom.xml | tail -1 | cut -d: -f1)
if [ -z "$LAST_ADAPTER_LINE" ]; then
  echo "pom.xml lists no adapters/ module to add $DIR after" >&2
  exit 1
fi

mkdir -p "$MAIN" "$TEST" "$DIR/src/test/resources/wiremock/$NAME"

# Writes stdin to $1 with @name@ and @Name@ replaced.
emit() {
  sed -e "s/@name@/$NAME/g" -e "s/@Name@/$CLASS/g" > "$1"
}

emit "$DIR/pom.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>dev.paymux</groupId>
    <artifactId>paymux-parent</artifactId>
    <version>0.1.0-SNAPSHOT</version>
    <relativePath>../../pom.xml</relativePath>
  </parent>
  <artifactId>paymux-@name@</artifactId>
  <name>Paymux @name@ adapter</name>

  <dependencies>
    <dependency>
      <groupId>dev.paymux</groupId>
      <artifactId>paymux-core</artifactId>
    </dependency>
    <dependency>
      <groupId>io.github.openfeign</groupId>
      <artifactId>feign-core</artifactId>
    </dependency>
    <dependency>
      <groupId>dev.paymux</groupId>
      <artifactId>paymux-adapter-http</artifactId>
    </dependency>
    <dependency>
      <groupId>tools.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
    </dependency>
    <dependency>
      <groupId>io.github.resilience4j</groupId>
      <artifactId>resilience4j-circuitbreaker</artifactId>
      <version>${resilience4j.version}</version>
    </dependency>
    <dependency>
      <groupId>io.github.resilience4j</groupId>
      <artifactId>resilience4j-retry</artifactId>
      <version>${resilience4j.version}</version>
    </dependency>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-api</artifactId>
    </dependency>

    <dependency>
      <groupId>dev.paymux</groupId>
      <artifactId>paymux-testkit</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>ch.qos.logback</groupId>
      <artifactId>logback-classic</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>
</project>
EOF

emit "$MAIN/${CLASS}Config.java" <<'EOF'
package dev.paymux.@name@;

import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.ResilienceSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One configured @name@ instance.
 *
 * @param instance       the operator's name for this instance, unique among instances
 * @param baseUrl        the provider's API root
 * @param apiKey         the provider credential sent with every request
 * @param webhookSecret  what verifies the provider's callbacks
 * @param resilience     timeouts, retry and circuit breaker: the shared keys of {@link ResilienceSettings},
 *                       over the operator's defaults, over {@link #BUILT_IN_RESILIENCE}
 * @param methods        the pay methods with limits and fees, when the provider has no API for them
 */
public record @Name@Config(String instance, String baseUrl, String apiKey, String webhookSecret,
        ResilienceSettings resilience, List<PayMethod> methods) {

    /** Connect 2 s, read 5 s, 3 attempts 500 ms apart, circuit open at 50 % of 10 calls for 30 s. */
    public static final ResilienceSettings BUILT_IN_RESILIENCE = new ResilienceSettings(Duration.ofSeconds(2),
            Duration.ofSeconds(5), 3, Duration.ofMillis(500), BigDecimal.valueOf(50), 10, 10, Duration.ofSeconds(30));

    public @Name@Config {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(resilience, "resilience");
        methods = List.copyOf(methods);
    }

    public static @Name@Config defaults(String instance, String baseUrl, String apiKey, String webhookSecret,
            List<PayMethod> methods) {
        return new @Name@Config(instance, baseUrl, apiKey, webhookSecret, BUILT_IN_RESILIENCE, methods);
    }

    public @Name@Config withResilience(ResilienceSettings r) {
        return new @Name@Config(instance, baseUrl, apiKey, webhookSecret, r, methods);
    }

    public @Name@Config withTimeouts(Duration connect, Duration read) {
        return withResilience(resilience.withTimeouts(connect, read));
    }

    /** Without the credentials. */
    @Override
    public String toString() {
        return "@Name@Config[instance=" + instance + ", baseUrl=" + baseUrl + ", apiKey=***, webhookSecret=***"
                + ", resilience=" + resilience + ", methods=" + methods + "]";
    }
}
EOF

emit "$MAIN/${CLASS}Client.java" <<'EOF'
package dev.paymux.@name@;

/**
 * The provider's HTTP API as its documentation gives it: one Feign method per call the adapter makes
 * ({@code @RequestLine("POST /payment/create")}, ...), with request and response records nested here.
 * See {@code dev.paymux.soprano.SopranoClient} for a complete example.
 */
interface @Name@Client {
}
EOF

emit "$MAIN/${CLASS}Statuses.java" <<'EOF'
package dev.paymux.@name@;

import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.StatusTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's statuses and what they mean in Paymux: one entry per status the provider documents,
 * in the documentation's order. A status missing here maps to a non-final {@code pending}, marked
 * unknown, with a logged warning.
 */
final class @Name@Statuses {

    private static final Logger log = LoggerFactory.getLogger(@Name@Statuses.class);

    static final Map<String, PaymentStatus> TABLE;

    static {
        Map<String, PaymentStatus> t = new LinkedHashMap<>();
        TABLE = Collections.unmodifiableMap(t);
    }

    private @Name@Statuses() {
    }

    static StatusTable table(String instance) {
        return StatusTable.of(TABLE, raw -> log.warn("@name@ instance {} reported the undocumented status '{}'",
                instance, raw));
    }
}
EOF

emit "$MAIN/${CLASS}Provider.java" <<'EOF'
package dev.paymux.@name@;

import dev.paymux.adapter.http.JsonCodec;
import dev.paymux.adapter.http.ProviderErrors;
import dev.paymux.adapter.http.ProviderHttp;
import dev.paymux.adapter.http.ProviderResilience;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.Capabilities;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderHealth;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderReference;
import dev.paymux.core.spi.Quote;
import dev.paymux.core.spi.StatusTable;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Objects;

/** The @name@ provider type behind Paymux's provider SPI. One object is one configured instance. */
public final class @Name@Provider implements PaymentProvider {

    /** The provider type this adapter implements. */
    public static final String TYPE = "@name@";

    private final @Name@Config config;
    private final @Name@Client client;
    private final ProviderResilience resilience;
    private final StatusTable statuses;
    private final Capabilities capabilities;

    public @Name@Provider(@Name@Config config) {
        this.config = Objects.requireNonNull(config, "config");
        // The shared plumbing of adapters/http: 408/429/5xx and I/O are UNAVAILABLE, other 4xx REJECTED with
        // the provider's message (say where its error bodies carry it), unreadable answers MALFORMED.
        ProviderErrors errors = new ProviderErrors(config.instance(), "@Name@", body -> null);
        this.client = ProviderHttp.feign(config.resilience(), JsonCodec.standard(), errors)
                .target(@Name@Client.class, config.baseUrl());
        // Wrap every call: resilience.once(...) for a create the provider may not deduplicate,
        // resilience.retried(...) for reads. An open circuit half-opens by itself after its wait.
        this.resilience = new ProviderResilience("@name@-" + config.instance(), config.resilience(), errors);
        this.statuses = @Name@Statuses.table(config.instance());
        this.capabilities = new Capabilities(config.methods(), true, false);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String instance() {
        return config.instance();
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public Quote quote(PaymentIntent intent) {
        return Quote.fromMethods(instance(), capabilities, intent, 2);
    }

    @Override
    public ProviderPayment create(PaymentIntent intent) {
        throw new UnsupportedOperationException("@Name@Provider.create is not written yet: send the provider's "
                + "create request through @Name@Client, idempotent on the intent's reference "
                + "(docs/adding-an-adapter.md)");
    }

    @Override
    public ProviderPayment fetch(ProviderReference reference) {
        throw new UnsupportedOperationException("@Name@Provider.fetch is not written yet: read the payment "
                + "back through @Name@Client and map its status with @Name@Statuses (docs/adding-an-adapter.md)");
    }

    @Override
    public CallbackResult parseCallback(CallbackRequest request) {
        throw new UnsupportedOperationException("@Name@Provider.parseCallback is not written yet: verify the "
                + "callback as the provider signs it, then translate it (docs/adding-an-adapter.md)");
    }

    /** Down while the circuit is open; add the provider's own health endpoint if it has one. */
    @Override
    public ProviderHealth health() {
        CircuitBreaker.State state = resilience.circuitBreaker().getState();
        return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN
                ? ProviderHealth.down("circuit open after repeated failures") : ProviderHealth.up("circuit " + state);
    }

    @Override
    public String toString() {
        return "@Name@Provider[" + config.instance() + "]";
    }
}
EOF

emit "$MAIN/${CLASS}ProviderFactory.java" <<'EOF'
package dev.paymux.@name@;

import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.PaymentProviderFactory;
import dev.paymux.core.spi.ProviderSettings;
import dev.paymux.core.spi.ResilienceSettings;

/** Builds @Name@ instances from {@code paymux.providers.instances.<name>.*}. */
public final class @Name@ProviderFactory implements PaymentProviderFactory {

    @Override
    public String type() {
        return @Name@Provider.TYPE;
    }

    @Override
    public PaymentProvider create(String instance, ProviderSettings s) {
        @Name@Config config = @Name@Config.defaults(instance, s.required("base-url"), s.required("api-key"),
                s.required("webhook-secret"), s.payMethods("methods"));
        // connect-timeout, read-timeout, retry.*, circuit-breaker.*: over the operator's defaults.
        return new @Name@Provider(config.withResilience(ResilienceSettings.from(s, @Name@Config.BUILT_IN_RESILIENCE)));
    }
}
EOF

mkdir -p "$DIR/src/main/resources/META-INF/services"
emit "$DIR/src/main/resources/META-INF/services/dev.paymux.core.spi.PaymentProviderFactory" <<'EOF'
dev.paymux.@name@.@Name@ProviderFactory
EOF

emit "$MAIN/package-info.java" <<'EOF'
/** The @name@ adapter: a third-party payment provider behind Paymux's provider SPI. */
package dev.paymux.@name@;
EOF

emit "$TEST/${CLASS}ConformanceTest.java" <<'EOF'
package dev.paymux.@name@;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.testkit.CreateIdempotency;
import dev.paymux.testkit.ProviderConformanceKit;
import java.util.List;
import java.util.Map;

/**
 * @name@ against the conformance kit. Every hook below is answered from the provider's documentation;
 * stub bodies live under src/test/resources/wiremock/@name@/.
 */
class @Name@ConformanceTest extends ProviderConformanceKit {

    private static final String WRITE_ME = "write this stub from the provider's documentation";

    private @Name@Provider provider;

    // One provider per test: the kit calls provider() repeatedly and idempotency may live in the instance.
    @Override
    protected PaymentProvider provider() {
        if (provider == null) {
            provider = new @Name@Provider(@Name@Config.defaults("@name@-test", baseUrl(), "test-api-key",
                    "test-webhook-secret", List.of()).withTimeouts(ADAPTER_TIMEOUT, ADAPTER_TIMEOUT));
        }
        return provider;
    }

    @Override
    protected PaymentIntent intent(String reference) {
        return fail(WRITE_ME + ": an intent in a currency and amount the provider takes");
    }

    @Override
    protected void stubCreated(PaymentIntent intent) {
        fail(WRITE_ME + ": the provider's answer to a create");
    }

    @Override
    protected CreateIdempotency createIdempotency() {
        // CreateIdempotency.jsonField("order_id") / .header("Idempotency-Key") when the provider deduplicates
        // by a key; CreateIdempotency.adapterRemembers() when the adapter must remember what it created.
        return fail(WRITE_ME + ": how two creates for one reference stay one provider payment");
    }

    @Override
    protected MappingBuilder createRequest() {
        return fail(WRITE_ME + ": the create request's method, path and headers");
    }

    @Override
    protected void stubCreateRefused(String message) {
        fail(WRITE_ME + ": the provider's validation error");
    }

    @Override
    protected void stubFetched(PaymentIntent intent, String raw) {
        fail(WRITE_ME + ": the provider's answer to a status request");
    }

    @Override
    protected Map<String, PaymentStatus> documentedStatuses() {
        return fail(WRITE_ME + ": every documented status and the Paymux status it maps to");
    }

    @Override
    protected CallbackRequest signedCallback(PaymentIntent intent, String raw) {
        return fail(WRITE_ME + ": a callback signed exactly as the provider signs it");
    }

    @Override
    protected CallbackRequest unsignedCallback(PaymentIntent intent, String raw) {
        return fail(WRITE_ME + ": the callback without its signature");
    }

    @Override
    protected CallbackRequest forgedCallback(PaymentIntent intent, String raw) {
        return fail(WRITE_ME + ": the callback with a wrong signature");
    }
}
EOF

emit "$DIR/src/test/resources/logback-test.xml" <<'EOF'
<configuration>
  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder>
      <pattern>%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} -- %msg%n</pattern>
    </encoder>
  </appender>
  <logger name="org.eclipse.jetty" level="WARN"/>
  <logger name="wiremock" level="WARN"/>
  <logger name="com.github.tomakehurst.wiremock" level="WARN"/>
  <root level="INFO">
    <appender-ref ref="STDOUT"/>
  </root>
</configuration>
EOF

emit "$DIR/src/test/resources/wiremock/$NAME/README.md" <<'EOF'
Stub bodies for @name@, written from the provider's documentation: one file per documented answer
(create, status, validation error, callback body). Say here which document each comes from and which
ones follow an assumption of the adapter's README.
EOF

emit "$DIR/README.md" <<'EOF'
# @Name@ adapter (`paymux-@name@`)

What the provider is, in one paragraph: what it takes (crypto assets, fiat methods), how the customer
pays (hosted page, address), and where its documentation is.

## The API as used

| call | when | notes |
|---|---|---|
| | `create(intent)` | request fields, answer fields |
| | `fetch(reference)` | |
| callback | `parseCallback(request)` | headers, body |

How `create` is idempotent on Paymux's reference.

## Status table

| provider status | Paymux status | source |
|---|---|---|
| | | documented / assumed |
| anything else | `pending`, `known = false`, warning logged | |

## Callback verification

What is signed, with which secret, how it is compared (constant time), what the provider expects as the answer,
and the dedupe key.

## Resilience

Circuit breaker and retry settings; which calls are retried and why; what `health()` reports.

## Configuration

`paymux.providers.<instance>.type=@name@` plus:

| key | record component | default |
|---|---|---|
| `base-url` | `baseUrl` | |
| `api-key` | `apiKey` | required |
| `webhook-secret` | `webhookSecret` | required |

## Assumptions

Every place where the provider's documentation is silent and what this adapter assumes there.

## Tests

```
mvn -B -o -pl adapters/@name@ -am test -Dtest='@Name@*' -Dsurefire.failIfNoSpecifiedTests=false
```
EOF

# The module line, after the last adapter already listed.
sed -i "${LAST_ADAPTER_LINE}a\\    <module>$DIR</module>" pom.xml

cat <<EOF
Created $DIR (artifact paymux-$NAME, package dev.paymux.$NAME) and listed it in pom.xml.

Next (docs/adding-an-adapter.md):
  1. write the config, client, mapping, status table and callback verification from the provider's documentation;
  2. answer the hooks of ${CLASS}ConformanceTest with stubs under $DIR/src/test/resources/wiremock/$NAME/;
  3. mvn -B -o -pl $DIR -am test -Dtest='${CLASS}*' -Dsurefire.failIfNoSpecifiedTests=false
  4. add the module to api/pom.xml so the application can configure instances:
       <dependency><groupId>dev.paymux</groupId><artifactId>paymux-$NAME</artifactId><version>\${project.version}</version></dependency>
EOF
