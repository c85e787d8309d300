package dev.specforge.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Parses JavaScript with node, the way {@code node --check} does, in a few long-lived node processes instead of
 * one process per file: a node start costs about 50 ms of CPU, which dominated the validation of a large express-api
 * project. Each worker runs {@code /validate/node-check.js} (from the jar, passed with {@code -e}, so nothing is
 * written to disk) and answers one JSON line per source: CommonJS sources are compiled with
 * {@code vm.compileFunction} and the module wrapper's parameters (as node compiles a module), ES modules with
 * {@code vm.SourceTextModule}. Nothing is run. A worker that hangs past the timeout is killed and replaced; workers end
 * when their stdin closes, so they never outlive specforge. Thread-safe.
 */
public final class NodeChecker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeChecker.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = script();

    private final Path node;
    private final long timeoutMs;
    private final BlockingQueue<Worker> idle;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param node      the node executable
     * @param workers   how many node processes may check at once (each holds about 40 MB); started on demand
     * @param timeoutMs how long one check may take, in ms
     */
    public NodeChecker(Path node, int workers, long timeoutMs) {
        this.node = node;
        this.timeoutMs = timeoutMs;
        this.idle = new ArrayBlockingQueue<>(workers);
        for (int i = 0; i < workers; i++) {
            idle.add(new Worker(null, null, null));
        }
    }

    /**
     * What node said of one source.
     *
     * @param ok      whether it parses
     * @param line    the line of the first syntax error (1-based), or 0 when node does not give one
     * @param message the error, e.g. {@code SyntaxError: Unexpected token ';'}; {@code null} when it parses
     */
    public record Result(boolean ok, int line, String message) {
    }

    /**
     * @param source the file's text
     * @param module {@code true} for an ES module, {@code false} for CommonJS
     * @return whether it parses, and the first error
     * @throws IOException when node cannot be started, dies, or does not answer within the timeout (the worker is
     *                     replaced by the next check)
     * @throws InterruptedException when the calling thread is interrupted while waiting for a worker
     */
    public Result check(String source, boolean module) throws IOException, InterruptedException {
        if (closed.get()) {
            throw new IOException("the node checker is closed");
        }
        Worker worker = idle.take();
        Worker next = worker;
        try {
            if (!worker.alive()) {
                next = start();
                worker = next;
            }
            return worker.ask(JSON.createObjectNode().put("module", module).put("source", source), timeoutMs);
        } catch (IOException e) {
            worker.kill();
            next = new Worker(null, null, null);
            throw e;
        } finally {
            idle.add(next);
        }
    }

    private Worker start() throws IOException {
        Process p = new ProcessBuilder(List.of(node.toString(), "--experimental-vm-modules", "--no-warnings",
                "-e", SCRIPT)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        LOG.debug("node checker started (pid {})", p.pid());
        return new Worker(p, p.getOutputStream(),
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    }

    /** Stops every node process (they would stop anyway when specforge exits and their stdin closes). */
    @Override
    public void close() {
        closed.set(true);
        idle.forEach(Worker::kill);
    }

    private record Worker(Process process, OutputStream in, BufferedReader out) {

        boolean alive() {
            return process != null && process.isAlive();
        }

        Result ask(JsonNode request, long timeoutMs) throws IOException {
            AtomicBoolean killed = new AtomicBoolean();
            ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
                killed.set(true);
                process.destroyForcibly();
            }, timeoutMs, TimeUnit.MILLISECONDS);
            try {
                in.write(JSON.writeValueAsBytes(request));
                in.write('\n');
                in.flush();
                String line = out.readLine();
                if (line == null) {
                    throw new IOException(killed.get() ? "node did not answer within " + timeoutMs + " ms"
                            : "node stopped (exit code " + exitCode() + ")");
                }
                JsonNode answer = JSON.readTree(line);
                return new Result(answer.path("ok").asBoolean(), answer.path("line").asInt(),
                        answer.path("ok").asBoolean() ? null : answer.path("message").asText());
            } finally {
                watchdog.cancel(false);
            }
        }

        private String exitCode() {
            try {
                return process.waitFor(1, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "none yet";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }

        void kill() {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    /** Kills workers that run past their timeout; one daemon thread for the process. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "specforge-node-watchdog");
        t.setDaemon(true);
        return t;
    });

    private static String script() {
        try (InputStream in = NodeChecker.class.getResourceAsStream("/validate/node-check.js")) {
            if (in == null) {
                throw new IllegalStateException("missing /validate/node-check.js in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
