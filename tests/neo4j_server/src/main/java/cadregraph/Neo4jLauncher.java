package cadregraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Test-only Neo4j Community server: the embedded DBMS with a Bolt connector on loopback.
 *
 * <p>Usage: {@code Neo4jLauncher --port <bolt port> --home <dir> [--pagecache 256m]
 * [--exit-on-stdin-eof]}
 *
 * <p>Prints exactly one line {@code NEO4J_READY bolt://127.0.0.1:<port>} to stdout once the
 * default database is available; everything else goes to stderr (plus Neo4j's own user log on
 * stdout). SIGTERM shuts the DBMS down cleanly through a shutdown hook. With
 * {@code --exit-on-stdin-eof} it also shuts down when stdin closes, so the server never outlives
 * the (possibly SIGKILLed) test process that started it.
 */
public final class Neo4jLauncher {
    private static final String HOST = "127.0.0.1";
    private static final long AVAILABLE_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(5);

    private Neo4jLauncher() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        int port = -1;
        Path home = null;
        String pagecache = "256m";
        boolean exitOnStdinEof = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--home" -> home = Path.of(value(args, ++i)).toAbsolutePath();
                case "--pagecache" -> pagecache = value(args, ++i);
                case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                default -> usage("unknown argument: " + args[i]);
            }
        }
        if (port <= 0 || port > 65535 || home == null) {
            usage("--port (1-65535) and --home are required");
            return;
        }
        Files.createDirectories(home);

        System.err.println("NEO4J_STARTING port=" + port + " home=" + home + " pagecache=" + pagecache
                + " java=" + Runtime.version() + " maxHeap=" + Runtime.getRuntime().maxMemory());
        long started = System.nanoTime();
        DatabaseManagementService dbms;
        try {
            dbms = build(home, port, ByteUnit.parse(pagecache));
        } catch (Throwable e) {
            // e.g. the Bolt port is taken: exit even if Neo4j left non-daemon threads behind.
            System.err.println("NEO4J_FAILED " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("NEO4J_STOPPING");
            try {
                dbms.shutdown();
            } finally {
                System.err.println("NEO4J_STOPPED");
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(AVAILABLE_TIMEOUT_MS)) {
            System.err.println("NEO4J_FAILED default database not available");
            System.exit(3);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.err.println("NEO4J_STARTED in " + millis + " ms");
        System.out.println("NEO4J_READY bolt://" + HOST + ":" + port);
        System.out.flush();

        if (exitOnStdinEof) {
            Thread watcher = new Thread(Neo4jLauncher::exitOnStdinEof, "stdin-eof-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    private static DatabaseManagementService build(Path home, int port, long pagecacheBytes) {
        SocketAddress bolt = new SocketAddress(HOST, port);
        return new DatabaseManagementServiceBuilder(home)
                // Bolt on loopback only; advertised = listen address, so that the routing table
                // served to neo4j:// clients points back at this very port.
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pagecacheBytes)
                // Transaction logs: small, not preallocated, only the latest one kept.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                // A stuck test fails instead of hanging forever; shutdown does not wait long.
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
                .setConfig(GraphDatabaseSettings.lock_acquisition_timeout, Duration.ofMinutes(1))
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                // Netty's default 5 s quiet period per Bolt event-loop group made every stop take
                // ~10 s. Internal setting, hence pinned to the Neo4j version in pom.xml.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
    }

    private static void exitOnStdinEof() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // discard
            }
        } catch (IOException ignored) {
            // treat like EOF
        }
        System.err.println("NEO4J_STDIN_EOF parent went away, shutting down");
        System.exit(0);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage("missing value for " + args[i - 1]);
        }
        return args[i];
    }

    private static void usage(String message) {
        System.err.println("Neo4jLauncher: " + message);
        System.err.println("usage: Neo4jLauncher --port <bolt port> --home <dir>"
                + " [--pagecache 256m] [--exit-on-stdin-eof]");
        System.exit(2);
    }
}
