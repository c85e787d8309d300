package dev.specforge.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Programs outside the JVM that tests use when they are installed (node, npm, go, python3). */
public final class Toolchain {

    private Toolchain() {
    }

    /** @return the program's path when it is on the PATH */
    public static Optional<Path> find(String program) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * What a program printed and how it exited.
     *
     * @param exitCode its exit code
     * @param output   stdout and stderr, interleaved
     */
    public record Result(int exitCode, String output) {
    }

    /**
     * Runs a program to completion (at most 5 minutes; then it is killed and the test fails).
     *
     * @param dir     the working folder
     * @param env     extra environment variables
     * @param command the program and its arguments
     * @return its exit code and output
     */
    public static Result run(Path dir, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        return run(dir, env, command, java.time.Duration.ofMinutes(5));
    }

    /**
     * Runs a program to completion, at most {@code limit}; then it and its children are killed and the test fails.
     *
     * @param dir     the working folder
     * @param env     extra environment variables
     * @param command the program and its arguments
     * @param limit   how long it may run
     * @return its exit code and output
     */
    public static Result run(Path dir, Map<String, String> env, List<String> command, java.time.Duration limit)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        java.util.concurrent.CompletableFuture<byte[]> out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }, r -> new Thread(r, "toolchain-output").start());
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " ran for more than " + limit.toMinutes()
                    + " minutes in " + dir);
        }
        return new Result(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8));
    }

    /** Go without the network: modules from the local cache only, the installed toolchain only. */
    public static final Map<String, String> GO_OFFLINE = Map.of("GOFLAGS", "-mod=mod", "GOPROXY", "off",
            "GOTOOLCHAIN", "local");

    /**
     * Runs {@code go vet ./...} and {@code go test -v ./...} offline in a generated Go module; both must pass.
     *
     * @param dir the module's folder
     * @return the output of {@code go test -v}, for the caller's own checks
     */
    public static String goVetAndTest(Path dir) throws IOException, InterruptedException {
        Result vet = run(dir, GO_OFFLINE, List.of("go", "vet", "./..."));
        org.assertj.core.api.Assertions.assertThat(vet.exitCode()).as(vet.output()).isZero();
        Result test = run(dir, GO_OFFLINE, List.of("go", "test", "-v", "./..."));
        org.assertj.core.api.Assertions.assertThat(test.exitCode()).as(test.output()).isZero();
        return test.output();
    }

    /**
     * Installs a generated Node project's dependencies (from npm's cache when it has them, else from the registry;
     * the test is skipped, with npm's output, when that fails) and runs {@code npm test}, which must pass with no
     * test failed or skipped.
     *
     * @param dir the project's folder
     * @return the output of {@code npm test}, for the caller's own checks
     */
    public static String npmInstallAndTest(Path dir) throws IOException, InterruptedException {
        Result install = run(dir, Map.of(), List.of("npm", "install", "--no-audit", "--no-fund", "--prefer-offline"));
        org.junit.jupiter.api.Assumptions.assumeTrue(install.exitCode() == 0, () -> "npm install failed (no registry"
                + " and no cache?), the generated tests are not run: " + install.output());
        Result test = run(dir, Map.of(), List.of("npm", "test"));
        org.assertj.core.api.Assertions.assertThat(test.exitCode()).as(test.output()).isZero();
        org.assertj.core.api.Assertions.assertThat(test.output()).contains("# fail 0", "# skipped 0");
        return test.output();
    }

    /**
     * Writes a generated project's files under {@code dir}.
     *
     * @param project the project read back from its zip
     * @param dir     the target folder (made if needed)
     * @return {@code dir}
     */
    public static Path extract(GeneratedZip project, Path dir) throws IOException {
        for (Map.Entry<String, String> f : project.files().entrySet()) {
            Path file = dir.resolve(f.getKey()).normalize();
            if (!file.startsWith(dir)) {
                throw new IOException("entry leaves the folder: " + f.getKey());
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }
}
