package dev.specforge.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The skeleton of the durable caches: where entries lie, when they expire, how reads and writes fail. */
class DurableStoreTest {

    private static final String KEY = Digest.of("entry".getBytes(StandardCharsets.UTF_8));
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private DurableStore store(DurableStore.Layout layout) {
        return new DurableStore(dir, "files", layout, Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC),
                "file cache");
    }

    @Test
    void should_put_entries_under_the_store_folder_sharded_by_the_keys_first_two_characters_or_flat() {
        assertThat(store(DurableStore.Layout.SHARDED).file(KEY, ".json"))
                .isEqualTo(dir.resolve("files").resolve(KEY.substring(0, 2)).resolve(KEY + ".json"));
        assertThat(store(DurableStore.Layout.FLAT).file(KEY, ".zip")).isEqualTo(dir.resolve("files/" + KEY + ".zip"));
    }

    @Test
    void should_refuse_a_key_that_is_not_a_sha256_so_no_name_can_leave_the_folder() {
        assertThatThrownBy(() -> store(DurableStore.Layout.FLAT).file("../../etc/passwd", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a file cache key: ../../etc/passwd");
    }

    @Test
    void should_keep_an_entry_fresh_for_less_than_the_ttl_after_it_was_written() {
        DurableStore store = store(DurableStore.Layout.SHARDED);
        assertThat(store.fresh(NOW.minus(Duration.ofDays(7)).plusMillis(1))).isTrue();
        assertThat(store.fresh(NOW.minus(Duration.ofDays(7)))).isFalse();
        assertThat(store.now()).isEqualTo(NOW);
    }

    @Test
    void should_read_back_what_it_wrote_and_read_an_absent_or_unreadable_entry_as_a_miss() throws Exception {
        DurableStore store = store(DurableStore.Layout.SHARDED);
        Path file = store.file(KEY, "");
        assertThat(store.read(file)).isNull();

        store.write(file, true, out -> out.write(new byte[] {1, 2, 3}));
        assertThat(store.read(file)).containsExactly(1, 2, 3);

        Path folder = store.file(Digest.of(new byte[] {9}), "");
        Files.createDirectories(folder);
        assertThat(store.read(folder)).as("a folder where the entry should be").isNull();
    }

    @Test
    void should_log_not_throw_when_a_cache_entry_cannot_be_written() throws Exception {
        Files.writeString(dir.resolve("files"), "a file where the store's folder should be");
        DurableStore store = store(DurableStore.Layout.FLAT);

        store.writeOrLog(store.file(KEY, ""), false, out -> out.write(1), "the file");

        assertThat(dir.resolve("files")).isRegularFile().hasContent("a file where the store's folder should be");
    }
}
