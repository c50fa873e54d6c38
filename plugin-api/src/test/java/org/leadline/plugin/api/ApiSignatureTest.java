package org.leadline.plugin.api;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The compatibility gate of the plugin API, in the manner of Kotlin's binary-compatibility-validator:
 * the public signatures of every {@link Stable} type (or type in a stable package, not {@link Beta})
 * are checked in as {@code api/leadline-plugin-api.signatures}. A line of that file missing from the
 * compiled API (a member removed or changed, a class made final, ...) or an abstract method added
 * to a stable interface (it breaks every implementation) fails the build. An addition only asks for
 * the file to be updated on purpose: {@code mvn -o test -pl plugin-api -Dleadline.api.update=true}.
 */
class ApiSignatureTest {

    private static final Path CHECKED_IN = Path.of("api", "leadline-plugin-api.signatures");

    @Test
    void stableTypesChangeOnlyCompatibly() throws Exception {
        List<String> current = signatures();
        if (Boolean.getBoolean("leadline.api.update")) {
            Files.createDirectories(CHECKED_IN.getParent());
            Files.write(CHECKED_IN, current);
            return;
        }
        assertTrue(Files.exists(CHECKED_IN), () -> CHECKED_IN.toAbsolutePath() + " is missing; write it with -Dleadline.api.update=true");
        List<String> baseline = Files.readAllLines(CHECKED_IN).stream().filter(l -> !l.isBlank()).toList();
        Set<String> now = new LinkedHashSet<>(current);
        Set<String> before = new LinkedHashSet<>(baseline);
        List<String> broken = new ArrayList<>();
        baseline.stream().filter(l -> !now.contains(l)).forEach(l -> broken.add("removed or changed: " + l.strip()));
        String type = null;
        for (String l : current) {
            if (!l.startsWith(" ")) {
                type = l;
            } else if (!before.contains(l) && before.contains(type) && type.startsWith("interface ")
                    && l.contains(" abstract ")) {
                broken.add("abstract method added to " + type + ": " + l.strip() + " (give it a default)");
            }
        }
        if (!broken.isEmpty()) {
            fail("Incompatible change of the stable plugin API (a new major version would be needed):\n  "
                    + String.join("\n  ", broken));
        }
        List<String> added = current.stream().filter(l -> !before.contains(l)).toList();
        assertTrue(added.isEmpty(), () -> "The stable plugin API grew; if that is meant, update " + CHECKED_IN
                + " with -Dleadline.api.update=true:\n  " + String.join("\n  ", added));
    }

    /** One line per stable type, then one indented line per public or protected member, sorted. */
    static List<String> signatures() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(PluginApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.map(p -> root.relativize(p).toString()).filter(n -> n.endsWith(".class")
                    && !n.endsWith("package-info.class")).map(n -> n.substring(0, n.length() - 6).replace('/', '.'))
                    .sorted().toList();
        }
        List<String> out = new ArrayList<>();
        for (String name : names) {
            Class<?> c = Class.forName(name, false, ApiSignatureTest.class.getClassLoader());
            if (!visible(c) || !stable(c)) {
                continue;
            }
            out.add(describe(c));
            Set<String> members = new TreeSet<>();
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers()) && !k.isSynthetic()) {
                    members.add("  " + modifiers(k.getModifiers()) + "<init>(" + types(k.getGenericParameterTypes()) + ")");
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    String kind = m.isDefault() ? "default " : "";
                    members.add("  " + modifiers(m.getModifiers()) + kind + m.getGenericReturnType().getTypeName() + " "
                            + m.getName() + "(" + types(m.getGenericParameterTypes()) + ")");
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers()) && !f.isSynthetic()) {
                    members.add("  " + modifiers(f.getModifiers()) + f.getGenericType().getTypeName() + " " + f.getName());
                }
            }
            out.addAll(members);
        }
        return out;
    }

    private static boolean stable(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (k.isAnnotationPresent(Beta.class)) {
                return false;
            }
            if (k.isAnnotationPresent(Stable.class)) {
                return true;
            }
        }
        Package p = c.getPackage();
        return p.isAnnotationPresent(Stable.class) && !p.isAnnotationPresent(Beta.class);
    }

    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String describe(Class<?> c) {
        String kind = c.isAnnotation() ? "annotation" : c.isInterface() ? "interface" : c.isEnum() ? "enum"
                : c.isRecord() ? "record" : "class";
        int mods = c.getModifiers() & (Modifier.ABSTRACT | Modifier.FINAL | Modifier.STATIC);
        if (c.isInterface() || c.isEnum() || c.isRecord()) {
            mods &= Modifier.STATIC;
        }
        StringBuilder b = new StringBuilder(kind).append(' ').append(Modifier.toString(mods)).append(mods == 0 ? "" : " ")
                .append(c.getName());
        Type superType = c.getGenericSuperclass();
        if (superType != null && !kind.equals("enum") && !kind.equals("record") && superType != Object.class) {
            b.append(" extends ").append(superType.getTypeName());
        }
        Type[] interfaces = c.getGenericInterfaces();
        if (interfaces.length > 0) {
            b.append(c.isInterface() ? " extends " : " implements ").append(types(interfaces));
        }
        return b.toString();
    }

    private static String modifiers(int modifiers) {
        String m = Modifier.toString(modifiers & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
                | Modifier.FINAL | Modifier.ABSTRACT));
        return m.isEmpty() ? "" : m + " ";
    }

    private static String types(Type[] types) {
        return Arrays.stream(types).map(Type::getTypeName).collect(Collectors.joining(", "));
    }
}
