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
        // Until the test kills this process: nothing ever counts the latch down.
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
