package dev.specforge;

import dev.specforge.support.SpecforgeProcess;
import dev.specforge.support.SyntheticSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Floods: 200 specs dropped at once into a specforge process limited to {@code -Xmx512m}, and one spec of 10,000
 * entities. Every spec ends in exactly one outcome, none is lost or generated twice, the heap limit holds (the JVM
 * exits on an OutOfMemoryError), and health answers within a second throughout.
 */
class LoadTest {

    @TempDir
    Path work;

    private static long countSpecs(String metrics) {
        Matcher m = Pattern.compile("(?m)^specforge_specs_total\\{[^}]*} ([0-9.E]+)$").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return Math.round(sum);
    }

    @Test
    void should_give_each_of_200_specs_dropped_at_once_exactly_one_outcome_and_keep_health_responsive() throws Exception {
        try (SpecforgeProcess daemon = SpecforgeProcess.start(work.resolve("load"), "512m", Map.of())) {
            // written beside the inbox, then moved in one after another as fast as the file system allows
            Path staging = work.resolve("staging");
            Files.createDirectories(staging);
            Files.createDirectories(daemon.inbox());
            List<String> good = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String name = "spec-" + i + ".yaml";
                byte[] spec = i % 10 == 9 ? ("specforge: 1\nproject: {name: broken-" + i + "\n").getBytes(StandardCharsets.UTF_8)
                        : SyntheticSpec.yaml("load" + i, 3 + i % 4, 4, -1);
                Files.write(staging.resolve(name), spec);
                (i % 10 == 9 ? bad : good).add(name);
            }
            for (String name : Stream.concat(good.stream(), bad.stream()).toList()) {
                Files.move(staging.resolve(name), daemon.inbox().resolve(name));
            }

            long slowest = 0;
            int probes = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
            while (countSpecs(daemon.get("/observe/metrics")) < 200 && System.nanoTime() < deadline) {
                long start = System.nanoTime();
                assertThat(daemon.healthStatus()).as("health while loaded").isEqualTo(200);
                slowest = Math.max(slowest, System.nanoTime() - start);
                probes++;
                Thread.sleep(200); // pacing the probe, not waiting for a result
            }
            assertThat(Duration.ofNanos(slowest)).as("slowest of " + probes + " health probes").isLessThan(Duration.ofSeconds(1));
            // a spec is counted before the inbox moves it to .done: wait until the inbox holds no spec
            await().atMost(30, TimeUnit.SECONDS).until(() -> {
                try (Stream<Path> left = Files.list(daemon.inbox())) {
                    return left.noneMatch(p -> p.getFileName().toString().endsWith(".yaml"));
                }
            });
            String metrics = daemon.get("/observe/metrics");
            assertThat(countSpecs(metrics)).as("specs counted, each once").isEqualTo(200);
            assertThat(daemon.process().isAlive()).as("no OutOfMemoryError under -Xmx512m").isTrue();
        }
        Path base = work.resolve("load");
        try (Stream<Path> left = Files.list(base.resolve("inbox"))) {
            assertThat(left.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .as("nothing left in the inbox").noneMatch(n -> n.endsWith(".yaml"));
        }
        for (int i = 0; i < 200; i++) {
            String name = "spec-" + i + ".yaml";
            boolean zipped = Files.exists(base.resolve("outbox/spec-" + i + ".zip"));
            boolean dead = Files.exists(base.resolve("outbox/failed").resolve(name));
            assertThat(zipped ^ dead).as(name + " has exactly one outcome").isTrue();
            assertThat(dead).as(name).isEqualTo(i % 10 == 9);
            assertThat(Files.exists(base.resolve("inbox/.done").resolve(name))).isEqualTo(zipped);
        }
    }

    @Test
    void should_generate_a_spec_of_10000_entities_within_512_mib() throws Exception {
        StringBuilder y = new StringBuilder("openapi: 3.0.3\ninfo: {title: big, version: 1.0.0}\npaths: {}\n"
                + "components:\n  schemas:\n");
        for (int i = 0; i < 10_000; i++) {
            y.append("    E").append(i).append(": {type: object, properties: {id: {type: integer, format: int64}, "
                    + "label: {type: string}}}\n");
        }
        try (SpecforgeProcess daemon = SpecforgeProcess.start(work.resolve("big"), "512m", Map.of())) {
            SpecforgeProcess.drop(daemon.inbox(), "big.yaml", y.toString().getBytes(StandardCharsets.UTF_8));
            await().atMost(5, TimeUnit.MINUTES).pollInterval(Duration.ofMillis(500))
                    .until(() -> !daemon.process().isAlive()
                            || Files.exists(daemon.inbox().resolve(".done/big.yaml"))
                            || Files.exists(daemon.deadLetter().resolve("big.yaml")));
            assertThat(daemon.process().isAlive()).as("no OutOfMemoryError under -Xmx512m").isTrue();
        }
        assertThat(work.resolve("big/outbox/big.zip")).exists();
        assertThat(work.resolve("big/outbox/failed")).doesNotExist();
    }
}
