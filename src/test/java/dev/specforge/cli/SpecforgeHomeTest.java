package dev.specforge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the home is, and how its configuration is merged over the jar's (the built-in folders on the class path). */
class SpecforgeHomeTest {

    @TempDir
    Path dir;

    private Properties system() {
        Properties p = new Properties();
        p.setProperty("user.home", dir.resolve("user").toString());
        return p;
    }

    @Test
    void should_take_the_option_then_the_environment_then_the_system_property_then_a_working_directory_with_config()
            throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path c = Files.createDirectories(dir.resolve("c"));
        Path cwd = Files.createDirectories(dir.resolve("cwd/config"));
        Files.writeString(cwd.resolve("application.properties"), "");
        Properties system = system();
        system.setProperty("specforge.home", c.toString());
        Map<String, String> env = Map.of("SPECFORGE_HOME", b.toString());

        assertThat(SpecforgeHome.resolve(a, env, system, cwd.getParent()).home()).contains(a);
        assertThat(SpecforgeHome.resolve(null, env, system, cwd.getParent()).home()).contains(b);
        assertThat(SpecforgeHome.resolve(null, Map.of(), system, cwd.getParent()).home()).contains(c);
        assertThat(SpecforgeHome.resolve(null, Map.of(), system(), cwd.getParent()).home()).contains(cwd.getParent());
        SpecforgeHome none = SpecforgeHome.resolve(null, Map.of(), system(), dir);
        assertThat(none.home()).isEmpty();
        assertThat(none.base()).isEqualTo(dir.resolve("user/.specforge"));
    }

    @Test
    void should_refuse_a_named_home_that_is_not_a_folder_saying_where_it_came_from() {
        assertThatThrownBy(() -> SpecforgeHome.resolve(null, Map.of("SPECFORGE_HOME", "nowhere"), system(), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("home nowhere is not a folder (from SPECFORGE_HOME)");
    }

    @Test
    void should_override_the_jars_configuration_key_by_key_and_resolve_relative_folders_against_the_home()
            throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/config")).getParent();
        Files.writeString(home.resolve("config/application.properties"),
                "specforge.jobs.workers = 5\nspecforge.cache.dir = my-cache\nspecforge.outbox.dir = /abs/out\n");

        Properties merged = SpecforgeHome.resolve(home, Map.of(), system(), dir).configuration(null);

        assertThat(merged.getProperty("specforge.jobs.workers")).isEqualTo("5");
        assertThat(merged.getProperty("specforge.jobs.max-queued")).as("from the jar").isEqualTo("10");
        assertThat(merged.getProperty("specforge.cache.dir")).isEqualTo(home.resolve("my-cache").toString());
        assertThat(merged.getProperty("specforge.outbox.dir")).isEqualTo("/abs/out");
        assertThat(merged.getProperty("specforge.inbox.dir")).isEqualTo(home.resolve("inbox").toString());
        // placeholders are left for Camel to resolve
        assertThat(merged.getProperty("specforge.inbox.uri")).startsWith("file:{{specforge.inbox.dir}}");
    }

    @Test
    void should_load_the_homes_routes_when_it_has_them_and_the_jars_otherwise() throws Exception {
        Path bare = Files.createDirectories(dir.resolve("bare"));
        Path withRoutes = Files.createDirectories(dir.resolve("with-routes/routes")).getParent();

        assertThat(SpecforgeHome.resolve(bare, Map.of(), system(), dir).configuration(null)
                .getProperty("camel.main.routes-include-pattern"))
                .isEqualTo("classpath:specforge/routes/*.camel.yaml");
        assertThat(SpecforgeHome.resolve(withRoutes, Map.of(), system(), dir).configuration(null)
                .getProperty("camel.main.routes-include-pattern"))
                .isEqualTo("file:" + withRoutes.resolve("routes/*.camel.yaml"));
        assertThat(SpecforgeHome.resolve(null, Map.of(), system(), dir).configuration(null)
                .getProperty("camel.main.routes-include-pattern"))
                .as("no home").isEqualTo("classpath:specforge/routes/*.camel.yaml");
    }

    @Test
    void should_let_the_file_specforge_config_names_override_the_home() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/config")).getParent();
        Files.writeString(home.resolve("config/application.properties"), "specforge.jobs.workers = 5\n");
        Path explicit = Files.writeString(dir.resolve("more.properties"), "specforge.jobs.workers = 7\n");

        assertThat(SpecforgeHome.resolve(home, Map.of(), system(), dir).configuration(explicit.toString())
                .getProperty("specforge.jobs.workers")).isEqualTo("7");
    }
}
