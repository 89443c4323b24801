package dev.paymux.api.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs Paymux will call out to: https only (unless http is allowed), a host and no user info, and
 * never a loopback, private, link-local or otherwise internal address (unless private targets are
 * allowed). One rule for every URL someone else sets: merchants' webhook URLs and operators' provider
 * base URLs.
 */
public final class OutboundUrlPolicy {

    private final boolean allowHttp;
    private final boolean allowPrivate;

    public OutboundUrlPolicy(boolean allowHttp, boolean allowPrivate) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL may not be called, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.of("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "the URL must use http or https" : "the URL must use https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of("the URL needs a host and no user info");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (internal(address)) {
                    return Optional.of("the URL points at a private, loopback or link-local address");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("the host does not resolve");
        }
        return Optional.empty();
    }

    public static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }
}
