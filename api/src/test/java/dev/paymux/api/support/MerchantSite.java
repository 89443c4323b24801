package dev.paymux.api.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A merchant's own web site for the widget tests: another origin than Paymux (127.0.0.1 on its own port)
 * serving the HTML pages a test puts on it, each wrapped in a minimal document.
 */
public final class MerchantSite implements AutoCloseable {

    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final HttpServer server;

    private MerchantSite(HttpServer server) {
        this.server = server;
    }

    public static MerchantSite start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MerchantSite site = new MerchantSite(server);
        server.createContext("/", exchange -> {
            String html = site.pages.get(exchange.getRequestURI().getPath());
            byte[] body = (html == null ? "not found" : html).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", html == null ? "text/plain" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(html == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return site;
    }

    /** {@code http://127.0.0.1:<port>}, as a browser sends it in {@code Origin}. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code body} inside a small HTML document at {@code path}; returns the page's URL. */
    public String put(String path, String body) {
        pages.put(path, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Site</title></head>"
                + "<body style=\"font-family: sans-serif\">" + body + "</body></html>");
        return origin() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
