package dev.specforge;

import dev.specforge.support.FakeLlmServer;
import dev.specforge.support.SpecforgeProcess;
import dev.specforge.support.SyntheticSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * specforge as a separate process, against a fake LLM server that counts what it is asked: killed with SIGKILL in the
 * middle of a spec, and stopped with SIGTERM. Nothing is lost, the rerun gives the identical zip, and no answered
 * (paid) LLM call is made again.
 */
class CrashRecoveryTest {

    private static FakeLlmServer server;
    @TempDir
    Path work;

    @BeforeAll
    static void startServer() {
        server = FakeLlmServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetServer() {
        server.reset();
    }

    /** Batches of 2 on 2 connections: many small calls, so a kill lands between answers. */
    private static Map<String, String> llm(long shutdownTimeoutMs) {
        Map<String, String> p = new HashMap<>();
        p.put("specforge.llm.provider", "openai");
        p.put("specforge.llm.base-url", server.openAiBaseUrl());
        p.put("specforge.llm.api-key", "test-key");
        p.put("specforge.llm.backoff-ms", "10");
        p.put("specforge.llm.requests-per-minute", "6000");
        p.put("specforge.llm.batch-size", "2");
        p.put("specforge.llm.max-concurrency", "2");
        p.put("specforge.shutdown.timeout-ms", String.valueOf(shutdownTimeoutMs));
        return p;
    }

    private static Set<String> itemIds(List<FakeLlmServer.Request> requests) {
        Set<String> ids = new HashSet<>();
        requests.forEach(r -> ids.addAll(r.itemIds()));
        return ids;
    }

    /** Waits for the inbox's last step: the spec moved to .done after its zip and report were delivered. */
    private static void awaitFile(Path file) {
        await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> Files.exists(file));
    }

    @Test
    void should_resume_after_kill_9_with_the_identical_zip_repeating_no_answered_llm_call() throws Exception {
        byte[] spec = SyntheticSpec.yaml("resume", 6, 5, -1);
        int items = SyntheticSpec.items(6, 5);

        // the reference: one uninterrupted run
        try (SpecforgeProcess ref = SpecforgeProcess.start(work.resolve("reference"), "256m", llm(30_000))) {
            SpecforgeProcess.drop(ref.inbox(), "resume.yaml", spec);
            awaitFile(ref.inbox().resolve(".done/resume.yaml"));
        }
        byte[] referenceZip = Files.readAllBytes(work.resolve("reference/outbox/resume.zip"));
        assertThat(itemIds(server.answered())).hasSize(items);
        server.reset();

        // the crash: let some answers through, then hold the next calls at the server and kill the JVM
        Path base = work.resolve("crash");
        Set<String> paid;
        try (SpecforgeProcess first = SpecforgeProcess.start(base, "256m", llm(30_000))) {
            SpecforgeProcess.drop(first.inbox(), "resume.yaml", spec);
            await().atMost(60, TimeUnit.SECONDS).until(() -> server.answered().size() >= 4);
            server.hold();
            // both connections waiting at the gate: every earlier answer has been received (and stored)
            await().atMost(60, TimeUnit.SECONDS).until(() -> server.held() >= 2);
            paid = itemIds(server.answered());
            first.kill();
        }
        server.reset();
        assertThat(paid).hasSizeBetween(8, items - 4);
        assertThat(base.resolve("inbox/resume.yaml")).as("the spec stays in the inbox").hasBinaryContent(spec);
        try (Stream<Path> out = Files.list(base.resolve("outbox"))) {
            assertThat(out.map(p -> p.getFileName().toString())).as("no zip, partial or not, under a real name")
                    .noneMatch(n -> n.endsWith(".zip"));
        }

        // the restart finishes the spec from the durable caches
        try (SpecforgeProcess second = SpecforgeProcess.start(base, "256m", llm(30_000))) {
            awaitFile(base.resolve("inbox/.done/resume.yaml"));
            assertThat(second.log()).doesNotContain("Exception");
        }
        Set<String> asked = itemIds(server.answered());
        assertThat(asked).as("items asked again after the restart").doesNotContainAnyElementsOf(paid).isNotEmpty();
        Set<String> all = new HashSet<>(paid);
        all.addAll(asked);
        assertThat(all).hasSize(items);
        assertThat(base.resolve("outbox/resume.zip")).hasBinaryContent(referenceZip);
        assertThat(base.resolve("inbox/.done/resume.yaml")).hasBinaryContent(spec);
        assertThat(base.resolve("inbox/resume.yaml")).doesNotExist();
        assertThat(base.resolve("outbox/failed")).doesNotExist();
    }

    @Test
    void should_leave_a_spec_that_cannot_finish_within_the_shutdown_timeout_in_the_inbox() throws Exception {
        byte[] spec = SyntheticSpec.yaml("slow", 3, 4, -1);
        Path base = work.resolve("term");
        server.hold();
        try (SpecforgeProcess daemon = SpecforgeProcess.start(base, "256m", llm(1_000))) {
            SpecforgeProcess.drop(daemon.inbox(), "slow.yaml", spec);
            await().atMost(60, TimeUnit.SECONDS).until(() -> server.held() >= 1);
            long start = System.nanoTime();
            daemon.terminate(60);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("stopped after about the timeout")
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(daemon.log()).contains("left in the inbox");
        } finally {
            server.reset();
        }
        assertThat(base.resolve("inbox/slow.yaml")).hasBinaryContent(spec);
        assertThat(base.resolve("outbox/failed")).doesNotExist();
        assertThat(base.resolve("outbox/slow.zip")).doesNotExist();

        // the next start generates it
        try (SpecforgeProcess again = SpecforgeProcess.start(base, "256m", llm(1_000))) {
            awaitFile(base.resolve("inbox/.done/slow.yaml"));
        }
        assertThat(base.resolve("inbox/.done/slow.yaml")).hasBinaryContent(spec);
    }

    @Test
    void should_finish_a_spec_in_flight_on_sigterm_when_it_completes_within_the_timeout() throws Exception {
        byte[] spec = SyntheticSpec.yaml("finish", 3, 4, -1);
        Path base = work.resolve("finish");
        server.hold();
        try (SpecforgeProcess daemon = SpecforgeProcess.start(base, "256m", llm(60_000))) {
            SpecforgeProcess.drop(daemon.inbox(), "finish.yaml", spec);
            await().atMost(60, TimeUnit.SECONDS).until(() -> server.held() >= 1);
            daemon.process().destroy();
            // the shutdown has begun (the consumers stop first); now let the LLM answer
            await().atMost(30, TimeUnit.SECONDS).until(() -> daemon.log().contains("graceful shutdown"));
            server.release();
            assertThat(daemon.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.reset();
        }
        assertThat(base.resolve("outbox/finish.zip")).exists();
        assertThat(base.resolve("inbox/.done/finish.yaml")).hasBinaryContent(spec);
        assertThat(base.resolve("inbox/finish.yaml")).doesNotExist();
    }
}
