package dev.specforge.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * specforge as a separate JVM (the real {@code dev.specforge.Application} daemon on the test class path), with its
 * folders under one base folder: {@code inbox/}, {@code outbox/}, {@code outbox/failed/}, {@code outbox/.work/},
 * {@code cache/}. Its log goes to {@code <base>/specforge-<n>.log}. For tests that kill it, stop it with SIGTERM or
 * bound its heap.
 */
public final class SpecforgeProcess implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private static int started;

    private final Path base;
    private final int port;
    private final Process process;
    private final Path log;

    private SpecforgeProcess(Path base, int port, Process process, Path log) {
        this.base = base;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts specforge and waits until {@code /observe/health} answers UP.
     *
     * @param base       the base folder (created if missing)
     * @param maxHeap    the {@code -Xmx} value, e.g. {@code 512m}
     * @param properties extra {@code -D} properties
     * @return the running process
     * @throws IOException when it cannot be started
     */
    public static SpecforgeProcess start(Path base, String maxHeap, Map<String, String> properties) throws IOException {
        Files.createDirectories(base);
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"),
                "-Dspecforge.inbox.dir=" + base.resolve("inbox"),
                "-Dspecforge.outbox.dir=" + base.resolve("outbox"),
                "-Dspecforge.deadletter.dir=" + base.resolve("outbox/failed"),
                "-Dspecforge.work.dir=" + base.resolve("outbox/.work"),
                "-Dspecforge.cache.dir=" + base.resolve("cache"),
                "-Dcamel.server.host=127.0.0.1",
                "-Dcamel.server.port=" + port));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("dev.specforge.Application");
        Path log;
        synchronized (SpecforgeProcess.class) {
            log = base.resolve("specforge-" + (++started) + ".log");
        }
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SpecforgeProcess p = new SpecforgeProcess(base, port, process, log);
        try {
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || p.healthStatus() == 200);
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("specforge exited on start:\n" + Files.readString(log));
        }
        return p;
    }

    /** @return the status of {@code GET /observe/health}, or -1 when it does not answer within one second */
    public int healthStatus() {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health"))
                    .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * @param path a path such as {@code /observe/metrics}
     * @return the body of a GET
     * @throws IOException when it fails
     * @throws InterruptedException when interrupted
     */
    public String get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** @return the base folder */
    public Path base() {
        return base;
    }

    /** @return the inbox */
    public Path inbox() {
        return base.resolve("inbox");
    }

    /** @return the outbox */
    public Path outbox() {
        return base.resolve("outbox");
    }

    /** @return the dead letter */
    public Path deadLetter() {
        return base.resolve("outbox/failed");
    }

    /**
     * @return the log so far
     * @throws IOException when it cannot be read
     */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** @return the JVM process */
    public Process process() {
        return process;
    }

    /**
     * Kills the JVM with SIGKILL (no shutdown hook runs) and waits until it is gone.
     *
     * @throws InterruptedException when interrupted
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Sends SIGTERM (a graceful shutdown) and waits for the exit.
     *
     * @param timeoutSeconds how long to wait
     * @return the exit code
     * @throws InterruptedException when interrupted
     * @throws IOException when it did not exit in time (the message holds its log)
     */
    public int terminate(long timeoutSeconds) throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("specforge did not stop within " + timeoutSeconds + " s of SIGTERM; its "
                    + "log:\n" + log());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Drops a spec into an inbox the way a careful writer does: a hidden temporary name, then an atomic rename.
     *
     * @param inbox   the inbox
     * @param name    the file name
     * @param content the bytes
     * @throws IOException when it cannot be written
     */
    public static void drop(Path inbox, String name, byte[] content) throws IOException {
        Files.createDirectories(inbox);
        Path tmp = inbox.resolve("." + name + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, inbox.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
