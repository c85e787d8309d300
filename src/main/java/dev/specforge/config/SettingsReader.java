package dev.specforge.config;

import dev.specforge.jobs.JobRegistry;
import dev.specforge.llm.Prices;
import dev.specforge.llm.Provider;
import org.apache.camel.spi.PropertiesComponent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link Settings} once from Camel's properties component, so {@code config/application.properties}, JVM system
 * properties and {@code SPECFORGE_*} environment variables apply as that file's header says. Every value is
 * trimmed; numbers, durations and their bounds are checked here, in one place.
 *
 * <p>Errors ({@link IllegalArgumentException}) name the key and the value, e.g.
 * {@code specforge.render.threads: not an integer: 'x'}; a key missing from the configuration is an error too (the
 * file sets every key, so Java repeats no default).
 */
public final class SettingsReader {

    private static final Pattern SHORT_DURATION = Pattern.compile("([0-9]+)([dhms])");
    private static final String STACK_PREFIX = "specforge.stack.";

    private final PropertiesComponent properties;

    /** @param properties the context's properties component */
    public SettingsReader(PropertiesComponent properties) {
        this.properties = properties;
    }

    /**
     * @return every setting
     * @throws IllegalArgumentException naming the key and the value when a key is missing or malformed
     */
    public Settings read() {
        return new Settings(
                new Settings.Folders(path("specforge.templates.dir"), bool("specforge.templates.builtin"),
                        path("specforge.outbox.dir"),
                        path("specforge.work.dir"), path("specforge.deadletter.dir")),
                generation(),
                new Settings.Checks(optional("specforge.validate.node"), optional("specforge.validate.gofmt"),
                        number("specforge.validate.tool-timeout-ms", 1)),
                llm(),
                new Settings.Cache(path("specforge.cache.dir"), durationOrZero("specforge.cache.ttl"),
                        number("specforge.cache.parsed-max-bytes", 0)),
                new Settings.Http(optional("specforge.http.api-key"), number("camel.server.max-body-size", 1)),
                new JobRegistry.Settings(integer("specforge.jobs.workers", 1), integer("specforge.jobs.max-queued", 0),
                        duration("specforge.jobs.expire-after"), integer("specforge.jobs.retry-after-seconds", 1)),
                new Settings.Daemon(number("specforge.shutdown.timeout-ms", 0),
                        number("specforge.progress.log-interval-ms", 0)));
    }

    private Settings.Generation generation() {
        int threads = integer("specforge.render.threads", 0);
        // its upper bound (1) is ValidationPolicy's rule
        double ratio = decimal("specforge.validate.min-valid-ratio");
        return new Settings.Generation(required("specforge.stack.default"), stackOverrides(),
                threads == 0 ? 2 * Runtime.getRuntime().availableProcessors() : threads, ratio,
                integer("specforge.spec.max-bytes", 1), integer("specforge.bundle.max-entries", 1),
                number("specforge.bundle.max-bytes", 1), required("specforge.project.default-group"),
                required("specforge.project.default-version"));
    }

    private Settings.Llm llm() {
        Provider provider = Provider.of(required("specforge.llm.provider"));
        String baseUrl = optional("specforge.llm.base-url");
        baseUrl = baseUrl.isEmpty() ? provider.defaultBaseUrl() : baseUrl;
        String model = optional("specforge.llm.model");
        model = provider == Provider.OFFLINE ? "offline" : model.isEmpty() ? provider.defaultModel() : model;
        String apiKey = optional("specforge.llm.api-key");
        if (apiKey.isEmpty() && provider != Provider.OFFLINE) {
            String fromEnvironment = System.getenv(provider.keyVariable());
            apiKey = fromEnvironment == null ? "" : fromEnvironment.trim();
        }
        Prices defaults = provider.defaultPrices();
        Prices prices = new Prices(
                price("specforge.llm.price.input-usd-per-mtok", defaults.inputPerMTok()),
                price("specforge.llm.price.output-usd-per-mtok", defaults.outputPerMTok()),
                price("specforge.llm.price.cache-read-multiplier", defaults.cacheReadMultiplier()),
                price("specforge.llm.price.cache-write-multiplier", defaults.cacheWriteMultiplier()));
        return new Settings.Llm(provider, baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
                model, apiKey, integer("specforge.llm.max-tokens", 1), integer("specforge.llm.max-attempts", 1),
                integer("specforge.llm.max-retries", 0), number("specforge.llm.backoff-ms", 1),
                integer("specforge.llm.requests-per-minute", 1), integer("specforge.llm.max-concurrency", 1),
                integer("specforge.llm.batch-size", 1), integer("specforge.llm.context-depth", 0),
                number("specforge.llm.expected-latency-ms", 0), number("specforge.spec.timeout-ms", 1),
                number("specforge.llm.timeout-ms", 1), number("specforge.llm.connect-timeout-ms", 1), prices,
                new Settings.Breaker(decimal("specforge.llm.circuit-breaker.failure-rate-threshold"),
                        integer("specforge.llm.circuit-breaker.minimum-calls", 1),
                        number("specforge.llm.circuit-breaker.open-ms", 1)));
    }

    /** @return {@code specforge.stack.<stack>.<property>} values (not {@code specforge.stack.default}), by stack */
    private Map<String, Map<String, String>> stackOverrides() {
        Map<String, Map<String, String>> overrides = new TreeMap<>();
        Properties all = properties.loadProperties(k -> k.startsWith(STACK_PREFIX)
                && !k.equals("specforge.stack.default"));
        for (String key : all.stringPropertyNames()) {
            String rest = key.substring(STACK_PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                throw new IllegalArgumentException(key + ": stack settings are specforge.stack.<stack>.<property>");
            }
            overrides.computeIfAbsent(rest.substring(0, dot), s -> new TreeMap<>())
                    .put(rest.substring(dot + 1), text(key));
        }
        return overrides;
    }

    /**
     * @param key a key
     * @return its value, trimmed (placeholders resolved)
     * @throws IllegalArgumentException when no source sets the key
     */
    private String text(String key) {
        return properties.resolveProperty(key).map(String::trim).orElseThrow(() -> new IllegalArgumentException(
                key + ": missing; every specforge setting is set in config/application.properties"));
    }

    /** @return the value, which may be empty (where the file documents what empty means) */
    private String optional(String key) {
        return text(key);
    }

    /** @return the value, which must not be empty */
    private String required(String key) {
        String value = text(key);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + ": empty; set a value");
        }
        return value;
    }

    /** @return {@code true} or {@code false} (any case) */
    private boolean bool(String key) {
        String value = required(key).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(key + ": not true or false: '" + text(key) + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private Path path(String key) {
        return Path.of(required(key));
    }

    /** @return a whole number of at least {@code min} that fits an int */
    private int integer(String key, int min) {
        long n = number(key, min);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + ": too large: '" + text(key) + "'");
        }
        return (int) n;
    }

    /** @return a whole number of at least {@code min} (a count, bytes or ms) */
    private long number(String key, long min) {
        long n = parsed(key, "an integer", Long::parseLong);
        if (n < min) {
            throw new IllegalArgumentException(key + ": must be at least " + min + ": '" + text(key) + "'");
        }
        return n;
    }

    /** @return a non-negative decimal number */
    private double decimal(String key) {
        double d = parsed(key, "a number", Double::parseDouble);
        if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(key + ": must be a number of 0 or more: '" + text(key) + "'");
        }
        return d;
    }

    /**
     * @param what  what the value should be, for the error: {@code an integer}
     * @param parse the parser; any runtime exception it throws means the value is malformed
     * @return the parsed non-empty value
     */
    private <T> T parsed(String key, String what, Function<String, T> parse) {
        String value = required(key);
        try {
            return parse.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": not " + what + ": '" + value + "'");
        }
    }

    /** @return the decimal, or {@code providerDefault} when the value is empty */
    private double price(String key, double providerDefault) {
        return optional(key).isEmpty() ? providerDefault : decimal(key);
    }

    /**
     * @param key a key whose value is {@code 7d}, {@code 12h}, {@code 30m}, {@code 45s} or ISO-8601 ({@code P7D})
     * @return the duration
     * @throws IllegalArgumentException when the value is none of those, or not positive
     */
    private Duration duration(String key) {
        Duration d = durationOrZero(key);
        if (d.isZero()) {
            throw new IllegalArgumentException(key + ": must be longer than 0: '" + text(key) + "'");
        }
        return d;
    }

    /** @return a duration of 0 or more (0 where it has a meaning, e.g. a cache TTL under which nothing is reused) */
    private Duration durationOrZero(String key) {
        Duration d = parsed(key, "a duration such as 7d, 12h, 30m, 45s or P7D", SettingsReader::toDuration);
        if (d.isNegative()) {
            throw new IllegalArgumentException(key + ": must not be negative: '" + text(key) + "'");
        }
        return d;
    }

    private static Duration toDuration(String text) {
        Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
