package dev.specforge.config;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The base of specforge's configuration classes. Camel Main (4.18) post-processes a configuration class twice,
 * before and after initialization, and each pass calls every {@code @BindToRegistry} method: without
 * {@link #once} every bean would be made twice (two render pools, a second job registry whose gauges Micrometer
 * ignores) and the second bound over the first.
 */
abstract class Beans implements CamelConfiguration {

    private final Map<String, Object> made = new HashMap<>();

    /**
     * @param name the bean's name
     * @param make makes the bean
     * @return the bean made by the first call for {@code name}
     */
    @SuppressWarnings("unchecked")
    protected final synchronized <T> T once(String name, Supplier<T> make) {
        Object bean = made.get(name);
        if (bean == null) {
            bean = make.get();
            made.put(name, bean);
        }
        return (T) bean;
    }

    /** Nothing by default: the beans are made by the {@code @BindToRegistry} methods. */
    @Override
    public void configure(CamelContext context) {
    }
}
