package dev.specforge;

import dev.specforge.cli.SpecforgeHome;
import dev.specforge.cli.SpecforgeMain;
import dev.specforge.config.Settings;
import dev.specforge.support.SpecforgeTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.component.scheduler.SchedulerEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The settings tree and the housekeeping schedules, through the real Main with the real
 * {@code config/application.properties} and {@code routes/} (inbox and HTTP server off, folders in a temp dir).
 */
class SettingsTest {

    private Path work;

    @BeforeEach
    void folders() throws IOException {
        work = Files.createTempDirectory("specforge-settings-");
    }

    @AfterEach
    void clean() throws IOException {
        System.clearProperty("specforge.jobs.max-queued");
        System.clearProperty("specforge.config");
        SpecforgeTestSupport.deleteTree(work);
    }

    @Test
    void should_read_the_file_once_into_settings_and_let_overrides_and_system_properties_win() throws Exception {
        System.setProperty("specforge.jobs.max-queued", "7");

        withMain(Map.of("specforge.jobs.expire-after", "8s"), context -> {
            Settings settings = context.getRegistry().lookupByNameAndType("settings", Settings.class);
            // from the file
            assertThat(settings.jobs().workers()).isEqualTo(2);
            assertThat(settings.cache().ttl()).isEqualTo(Duration.ofDays(7));
            assertThat(settings.generation().stackOverrides()).containsEntry("go-service", Map.of("goVersion", "1.22"));
            // a system property and an override
            assertThat(settings.jobs().maxQueued()).isEqualTo(7);
            assertThat(settings.jobs().expireAfter()).isEqualTo(Duration.ofSeconds(8));

            // housekeeping: job expiry every quarter of expire-after, the sweep, the progress log
            assertThat(delay(context, "housekeeping-job-expiry")).isEqualTo(2000);
            assertThat(delay(context, "housekeeping-cache-sweep")).isEqualTo(600_000);
            assertThat(delay(context, "housekeeping-progress-log")).isEqualTo(5000);
        });
    }

    @Test
    void should_leave_the_progress_log_route_out_when_its_interval_is_0() throws Exception {
        withMain(Map.of("specforge.progress.log-interval-ms", "0"), context -> {
            assertThat(context.getRoute("housekeeping-progress-log")).isNull();
            assertThat(context.getRoute("housekeeping-cache-sweep")).isNotNull();
        });
    }

    @Test
    void should_refuse_to_start_with_a_malformed_key_naming_the_key_and_the_value() {
        assertThatThrownBy(() -> withMain(Map.of("specforge.render.threads", "x"), context -> { }))
                .hasStackTraceContaining("specforge.render.threads: not an integer: 'x'");
        assertThatThrownBy(() -> withMain(Map.of("specforge.cache.ttl", "7 days"), context -> { }))
                .hasStackTraceContaining("specforge.cache.ttl: not a duration such as 7d, 12h, 30m, 45s or P7D: '7 days'");
    }

    @Test
    void should_take_a_cache_ttl_of_0_which_the_builds_training_run_uses_but_refuse_a_negative_one() throws Exception {
        withMain(Map.of("specforge.cache.ttl", "0s"), context -> assertThat(context.getRegistry()
                .lookupByNameAndType("settings", Settings.class).cache().ttl()).isZero());
        assertThatThrownBy(() -> withMain(Map.of("specforge.cache.ttl", "-PT1S"), context -> { }))
                .hasStackTraceContaining("specforge.cache.ttl: must not be negative: '-PT1S'");
    }

    @Test
    void should_override_the_built_in_configuration_key_by_key_with_the_file_specforge_config_names() throws Exception {
        Path config = work.resolve("application.properties");
        Files.writeString(config, "# only what differs\nspecforge.jobs.workers = 3\n");
        System.setProperty("specforge.config", config.toString());

        withMain(Map.of(), context -> {
            Settings settings = context.getRegistry().lookupByNameAndType("settings", Settings.class);
            assertThat(settings.jobs().workers()).isEqualTo(3);
            // every other key comes from the jar's configuration
            assertThat(settings.jobs().maxQueued()).isEqualTo(10);
            assertThat(settings.generation().defaultStack()).isEqualTo("camel-service");
        });
    }

    @Test
    void should_refuse_to_start_when_the_file_specforge_config_names_is_missing() {
        System.setProperty("specforge.config", work.resolve("nowhere.properties").toString());

        assertThatThrownBy(() -> withMain(Map.of(), context -> { }))
                .hasMessageContaining("nowhere.properties").hasMessageContaining("is not a readable file");
    }

    private static long delay(CamelContext context, String routeId) {
        return ((SchedulerEndpoint) context.getRoute(routeId).getEndpoint()).getDelay();
    }

    /** Starts a Main like the one-shot CLI's (no inbox, no HTTP server), runs the check, stops it. */
    private void withMain(Map<String, String> overrides, Consumer<CamelContext> check) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of(
                "specforge.inbox.enabled", "false",
                "camel.server.enabled", "false",
                "camel.management.enabled", "false",
                "camel.main.routes-exclude-pattern", "**/http.camel.yaml",
                "specforge.inbox.dir", work.resolve("inbox").toString(),
                "specforge.outbox.dir", work.resolve("outbox").toString(),
                "specforge.deadletter.dir", work.resolve("outbox/failed").toString(),
                "specforge.work.dir", work.resolve("outbox/.work").toString(),
                "specforge.cache.dir", work.resolve("cache").toString()));
        all.putAll(overrides);
        Main main = SpecforgeMain.create(SpecforgeHome.current(null), all);
        try {
            main.start();
            check.accept(main.getCamelContext());
        } finally {
            main.stop();
        }
    }
}
