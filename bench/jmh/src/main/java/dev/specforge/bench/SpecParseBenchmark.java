package dev.specforge.bench;

import dev.specforge.spec.ProjectModel;
import dev.specforge.spec.SpecDefaults;
import dev.specforge.spec.SpecReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reading one spec into the project model alone ({@link SpecReader#read(byte[])}: the UTF-8 and size checks, the
 * Jackson tree, format detection and the OpenAPI or JSON Schema mapping), in ms per spec, without planning,
 * rendering or zipping. Scenario 1 of bench/run.sh runs it on GitHub's REST API description (12 MB).
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SpecParseBenchmark {

    /** Path of the spec file to read (set by run.sh with {@code -p spec=...}). */
    @Param("")
    public String spec;

    private byte[] content;
    private SpecReader reader;

    /**
     * Loads the file once per trial.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when no spec was given
     */
    @Setup(Level.Trial)
    public void load() throws IOException {
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("give the spec file with -p spec=PATH");
        }
        content = Files.readAllBytes(Path.of(spec));
        reader = new SpecReader(new SpecDefaults("com.example", "0.1.0", 16 * 1024 * 1024));
    }

    /** @return the model (returned so the work cannot be eliminated) */
    @Benchmark
    public ProjectModel read() {
        return reader.read(content);
    }
}
