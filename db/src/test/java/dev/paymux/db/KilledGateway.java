package dev.paymux.db;

import java.nio.file.Path;

/** Runs an embedded server on a data directory until killed: the gateway that {@link EmbeddedPostgresOrphanTest} kills. */
public final class KilledGateway {

    private KilledGateway() {
    }

    public static void main(String[] args) throws Exception {
        new EmbeddedPostgresServer(Path.of(args[0]), 0);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
