package dev.specforge.validate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A checker program outside the JVM ({@code gofmt -l}; also how node is found) that reads a file's source on stdin.
 * Nothing is written to disk: the source goes through a pipe, so no temporary file is made outside the configured
 * folders. Thread-safe; each check is one process.
 */
public final class ExternalCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalCheck.class);
    /** The largest output kept from a checker, in bytes (its first error is all a report needs). */
    private static final int MAX_OUTPUT = 64 * 1024;

    private final String name;
    private final Path executable;
    private final long timeoutMs;

    private ExternalCheck(String name, Path executable, long timeoutMs) {
        this.name = name;
        this.executable = executable;
        this.timeoutMs = timeoutMs;
    }

    /**
     * Finds a program: an absolute or relative path is taken as it is, a bare name is looked up on the
     * {@code PATH}.
     *
     * @param command   the program, e.g. {@code node}; empty or blank turns the check off
     * @param timeoutMs how long one check may take, in ms, before it counts as failed
     * @return the check, or {@code null} when the program is off or not found (the caller skips the check, with a
     *         warning)
     */
    public static ExternalCheck find(String command, long timeoutMs) {
        if (command == null || command.isBlank()) {
            return null;
        }
        Path exe = null;
        if (command.contains("/") || command.contains(File.separator)) {
            Path p = Path.of(command);
            exe = Files.isExecutable(p) ? p.toAbsolutePath() : null;
        } else {
            String path = System.getenv("PATH");
            for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                Path p = Path.of(dir, command);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    exe = p.toAbsolutePath();
                    break;
                }
            }
        }
        return exe == null ? null : new ExternalCheck(command, exe, timeoutMs);
    }

    /** @return how long one check may take, in ms */
    public long timeoutMs() {
        return timeoutMs;
    }

    /** @return the program's absolute path */
    public Path executable() {
        return executable;
    }

    /**
     * What a checker said.
     *
     * @param exitCode the process's exit code
     * @param output   its stdout and stderr, interleaved, UTF-8, at most the first 64 KiB
     */
    public record Result(int exitCode, String output) {
    }

    /**
     * Runs the program once with {@code source} on stdin.
     *
     * @param args   the arguments after the program, e.g. {@code ["--check"]}
     * @param source the bytes to check
     * @return the exit code and the output
     * @throws IOException when the program cannot be started, or does not finish within the timeout (it is then
     *                     killed)
     */
    public Result run(List<String> args, byte[] source) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable.toString());
        cmd.addAll(args);
        // one stream: stdout and stderr together, read on this thread; both checkers read all their input before
        // they write, so writing first cannot deadlock; a watchdog kills a checker that hangs
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            killed.set(true);
            p.destroyForcibly();
        }, timeoutMs, TimeUnit.MILLISECONDS);
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(source);
            } catch (IOException e) {
                // the checker stopped reading early (it found an error); its output says why
                LOG.debug("{} closed its input early: {}", name, e.getMessage());
            }
            String output = new String(drain(p.getInputStream()), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            if (killed.get()) {
                throw new IOException(name + " did not finish within " + timeoutMs + " ms");
            }
            return new Result(exit, output);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(name + " was interrupted", e);
        } finally {
            watchdog.cancel(false);
        }
    }

    /** Kills checkers that run past their timeout; one daemon thread for the process. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "specforge-check-watchdog");
        t.setDaemon(true);
        return t;
    });

    /**
     * Runs the program once with arguments only (no input), e.g. {@code node --version}.
     *
     * @param args the arguments
     * @return the trimmed output, or {@code ""} when it fails
     */
    public String ask(String... args) {
        try {
            return run(List.of(args), new byte[0]).output().strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static byte[] drain(InputStream in) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                if (b.size() < MAX_OUTPUT) {
                    b.write(buf, 0, Math.min(n, MAX_OUTPUT - b.size()));
                }
            }
        } catch (IOException e) {
            // the process ended; keep what was read
        }
        return b.toByteArray();
    }
}
