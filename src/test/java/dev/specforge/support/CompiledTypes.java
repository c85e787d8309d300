package dev.specforge.support;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Generated classes compiled into a folder ({@link JavaCompilation}), loaded, and a Jackson mapper whose type ids
 * (a union's {@code @JsonSubTypes}) resolve through the same class loader.
 *
 * @param loader loads the compiled classes, with the test classpath as parent
 * @param mapper Jackson with the modules on the classpath, over that loader
 */
public record CompiledTypes(ClassLoader loader, ObjectMapper mapper) {

    /**
     * @param classes the folder the classes were compiled into
     * @return a fresh loader over it and a mapper that sees it
     */
    public static CompiledTypes in(Path classes) throws IOException {
        ClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()},
                CompiledTypes.class.getClassLoader());
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        mapper.setTypeFactory(mapper.getTypeFactory().withClassLoader(loader));
        return new CompiledTypes(loader, mapper);
    }

    /**
     * @param className a fully qualified class name
     * @return the class, initialised
     */
    public Class<?> load(String className) throws ClassNotFoundException {
        return Class.forName(className, true, loader);
    }
}
