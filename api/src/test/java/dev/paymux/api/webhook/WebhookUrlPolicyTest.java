package dev.paymux.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The production policy (no http, no internal targets), constructed directly: no DNS needed for literals. */
class WebhookUrlPolicyTest {

    private final WebhookUrlPolicy strict = new WebhookUrlPolicy(false, false);

    @Test
    void onlyHttpsIsAcceptedByDefault() {
        assertThat(strict.refusal("http://93.184.216.34/hook")).contains("the URL must use https");
        assertThat(strict.refusal("ftp://93.184.216.34/hook")).isPresent();
        assertThat(strict.refusal("https://93.184.216.34/hook")).isEmpty();
        assertThat(strict.refusal("HTTPS://93.184.216.34:8443/hook?x=1")).isEmpty();
    }

    @Test
    void internalTargetsAreRefused() {
        for (String url : new String[] {"https://127.0.0.1/hook", "https://127.1.2.3/hook", "https://10.0.0.5/hook",
                "https://10.255.255.255/", "https://172.16.0.1/", "https://192.168.1.10/hook",
                "https://169.254.169.254/latest/meta-data", "https://0.0.0.0/", "https://100.64.0.1/",
                "https://[::1]/hook", "https://[fc00::1]/hook", "https://[fd12:3456::1]/", "https://[fe80::1]/",
                "https://[::ffff:127.0.0.1]/", "https://localhost/hook"}) {
            assertThat(strict.refusal(url)).as(url).isPresent();
        }
        assertThat(strict.refusal("https://10.0.0.5/hook"))
                .contains("the URL points at a private, loopback or link-local address");
    }

    @Test
    void malformedUrlsAreRefused() {
        for (String url : new String[] {"garbage", "https://", "https:opaque", "https://user:pw@93.184.216.34/",
                "https://exa mple.com/", "", "/relative/path"}) {
            assertThat(strict.refusal(url)).as(url).isPresent();
        }
        assertThat(strict.refusal(null)).isPresent();
    }

    @Test
    void theSwitchesOpenWhatTheySay() {
        WebhookUrlPolicy httpAllowed = new WebhookUrlPolicy(true, false);
        assertThat(httpAllowed.refusal("http://93.184.216.34/hook")).isEmpty();
        assertThat(httpAllowed.refusal("http://127.0.0.1/hook")).isPresent();
        assertThat(httpAllowed.refusal("ftp://93.184.216.34/hook")).isPresent();

        WebhookUrlPolicy privateAllowed = new WebhookUrlPolicy(false, true);
        assertThat(privateAllowed.refusal("https://127.0.0.1/hook")).isEmpty();
        assertThat(privateAllowed.refusal("http://127.0.0.1/hook")).isPresent();
    }
}
