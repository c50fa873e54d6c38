package org.leadline.server.tenancy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A class loader that defines the classes of the given packages itself, from its parent's class
 * files, and asks its parent for everything else (resources included). The classes it defines, and
 * whatever their static fields hold, are unloaded once nothing refers to the loader or its objects.
 */
final class DisposableLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final List<String> prefixes;

    DisposableLoader(ClassLoader parent, List<String> prefixes) {
        super("leadline-disposable", parent);
        this.prefixes = List.copyOf(prefixes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (prefixes.stream().noneMatch(name::startsWith)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = define(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> define(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the class file of " + name, e);
        }
    }
}
