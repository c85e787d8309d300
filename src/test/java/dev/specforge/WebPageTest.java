package dev.specforge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specforge.support.SpecforgeTestSupport;
import dev.specforge.support.Toolchain;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web page in a real browser: headless Chromium from Debian's packages ({@code /usr/bin/chromium}, or
 * {@code $CHROMIUM}), driven by playwright-core ({@code src/test/web}, installed by {@code npm ci --prefix
 * src/test/web}, which {@code .ci/run} does), against the started daemon with {@code specforge.http.api-key} set.
 * The script {@code src/test/web/page.test.mjs} opens the page, enters the key it is asked for, loads an example,
 * checks the plan, generates, opens a file from the project tree with the keyboard, downloads the zip, reopens the
 * choices from the link and checks a failed job's problem; this test then checks what the browser got against the
 * API itself. Skips, with the reason, when node, Chromium or the script's node_modules are missing. Slow: 17 to
 * 28 s on 2 cores (Chromium starts in about 3 s; the script opens two tabs and waits for two real jobs).
 */
@Tag("slow")
class WebPageTest extends SpecforgeTestSupport {

    private static final String KEY = "web-page-test-key";
    private static final Path WEB_TEST = Path.of("src/test/web");
    private static final Path SCREENSHOTS = Path.of("target/web-screenshots");
    private static final List<String> SHOTS = List.of("1-api-key.png", "2-plan.png", "3-result.png", "4-failed-job.png");

    @Override
    protected Properties extraProperties() {
        Properties p = new Properties();
        p.put("specforge.http.api-key", KEY);
        return p;
    }

    @Test
    void should_plan_generate_browse_and_download_through_the_page_the_same_zip_the_api_answers() throws Exception {
        var node = Toolchain.find("node");
        assumeTrue(node.isPresent(), "node is not on the PATH: the web page's browser test skips");
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assumeTrue(Files.isExecutable(chromium), chromium + " is missing (Debian package chromium; .ci/run installs"
                + " it as root): the web page's browser test skips");
        assumeTrue(Files.isDirectory(WEB_TEST.resolve("node_modules/playwright-core")), "src/test/web/node_modules"
                + " is missing (npm ci --prefix src/test/web; .ci/run does it): the web page's browser test skips");
        deleteTree(SCREENSHOTS);
        Path downloads = work.resolve("downloads");

        Toolchain.Result run = Toolchain.run(Path.of("").toAbsolutePath(), Map.of("CHROMIUM", chromium.toString()),
                List.of(node.get().toString(), WEB_TEST.resolve("page.test.mjs").toString(), http().base(), KEY,
                        SCREENSHOTS.toAbsolutePath().toString(), downloads.toString()),
                Duration.ofMinutes(3));
        System.out.println(run.output());

        assertThat(run.exitCode()).as("page.test.mjs:\n" + run.output()).isZero();
        String line = run.output().lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no RESULT line:\n" + run.output()));
        JsonNode result = JSON.readTree(line.substring("RESULT ".length()));
        byte[] downloaded = Files.readAllBytes(Path.of(result.path("zip").asText()));

        // the browser's download holds the very bytes the API answers for the job
        HttpResponse<byte[]> api = http().send(http().request("/api/jobs/" + result.path("jobId").asText() + "/result")
                .header("X-API-Key", KEY).GET().build());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(sha256(downloaded)).as("the downloaded zip (%d bytes) against the job's result (%d bytes)",
                downloaded.length, api.body().length).isEqualTo(sha256(api.body()));
        // and the page sent the example with the stack picked: the same spec and stack generate the same zip
        byte[] example = open(result.path("example").asText());
        HttpResponse<byte[]> again = http().send(http().request("/api/generate?stack=" + result.path("stack").asText())
                .header("X-API-Key", KEY).header("Content-Type", "text/plain; charset=utf-8")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(example)).build());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(sha256(downloaded)).as("the download against POST /api/generate of the example")
                .isEqualTo(sha256(again.body()));

        // the file the viewer showed is the zip's entry, inflated by the page's own zip reader
        Map<String, byte[]> entries = entries(downloaded);
        assertThat(entries).hasSize(result.path("planned").asInt());
        String opened = result.path("opened").path("path").asText();
        assertThat(entries).containsKey(opened);
        assertThat(Files.readString(Path.of(result.path("opened").path("file").asText())))
                .isEqualTo(new String(entries.get(opened), StandardCharsets.UTF_8));

        for (String shot : SHOTS) {
            Path png = SCREENSHOTS.resolve(shot);
            assertThat(png).as("screenshot").exists();
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
            assertThat(head).as(shot + " is a PNG").isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        }
    }

    /** @return an open resource of the daemon (the page's example), without the key */
    private byte[] open(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http().get(path);
        assertThat(response.statusCode()).as("GET " + path + " without a key").isEqualTo(200);
        return response.body();
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) throws java.security.NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
