package dev.specforge.bench;

import dev.specforge.assemble.GeneratedFile;
import dev.specforge.assemble.ZipAssembler;
import dev.specforge.plan.FileTask;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Zip assembly alone ({@link ZipAssembler#write(OutputStream, String, List)}): n generated files of about 1.5 KB
 * of Java-like text each, streamed into a byte-counting sink, in ms per zip. Scenario 3 of bench/run.sh compares
 * n = 1,000 with n = 10,000: a streaming, one-pass assembler takes about 10x as long for 10x the files, where
 * camel-zipfile's {@code ZipAggregationStrategy} grows quadratically (../shared/CAMEL-NOTES.md).
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ZipAssemblyBenchmark {

    /** Files in the zip. */
    @Param({"1000", "10000"})
    public int files;

    private List<GeneratedFile> generated;

    /** Builds the files once per trial; their order is shuffled so the assembler's sort does real work. */
    @Setup(Level.Trial)
    public void files() {
        generated = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            int n = (int) ((i * 2_654_435_761L) % files);
            String path = "src/main/java/com/acme/model/Type" + n + ".java";
            StringBuilder body = new StringBuilder("package com.acme.model;\n\n/** Type ").append(n).append(". */\n")
                    .append("public record Type").append(n).append("(\n");
            for (int f = 0; f < 30; f++) {
                body.append("        @jakarta.validation.constraints.Size(max = ").append(80 + f).append(") String field")
                        .append(f).append(f < 29 ? ",\n" : ") {\n}\n");
            }
            FileTask task = new FileTask(i, path, "Record.java.ftl", dev.specforge.plan.Scope.ENTITY, false,
                    "Type" + n, null, List.of());
            generated.add(new GeneratedFile(task, body.toString().getBytes(StandardCharsets.UTF_8), "java", true,
                    null, null, false));
        }
    }

    /**
     * @return the zip's size in bytes (returned so the work cannot be eliminated)
     * @throws IOException never: the sink does not fail
     */
    @Benchmark
    public long assemble() throws IOException {
        CountingSink sink = new CountingSink();
        new ZipAssembler().write(sink, "bench-project", generated);
        return sink.bytes;
    }

    /** An output stream that only counts bytes. */
    static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
