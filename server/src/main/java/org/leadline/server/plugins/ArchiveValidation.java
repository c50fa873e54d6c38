package org.leadline.server.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.leadline.plugin.api.PluginApi;
import org.leadline.plugin.api.process.ProcessDefinition;
import org.leadline.plugin.api.process.StageDefinition;
import org.leadline.server.process.StageDefinitions;
import org.pf4j.PluginWrapper;

/**
 * Tries an uploaded archive before it may replace anything: loads it in a plugin manager of its
 * own (never started, so the plugin's {@code start()} does not run twice), loads its plugin class
 * and every extension class it declares, creates each extension through the guard, and checks the
 * declarations (ids, settings, process definitions). The running version is not touched; what is
 * wrong is said in the terms of the plugin's author, never as a PF4J stack trace or a server file name.
 */
final class ArchiveValidation {

    private ArchiveValidation() {
    }

    /** What a trial load found: every problem (none when it may be installed) and the ids its extensions declare. */
    record Trial(List<String> problems, Set<String> extensionIds) {
    }

    /** Every problem of the archive; empty when it may be installed. */
    static List<String> problems(PluginArchive archive, Guard guard) {
        return trial(archive, guard).problems();
    }

    /**
     * Loads the archive on trial and reads its declarations; also how the host learns the extension
     * ids of a version that is installed but not started, whose extensions it never created.
     */
    static Trial trial(PluginArchive archive, Guard guard) {
        PluginRuntime staging = new PluginRuntime(List.of(archive.path().getParent()), PluginApi.VERSION);
        String id;
        try {
            id = staging.loadPlugin(archive.path());
        } catch (Throwable e) {
            return new Trial(List.of("it cannot be loaded: " + plain(e, archive.path())), Set.of());
        }
        if (id == null) {
            return new Trial(List.of("it cannot be loaded as a plugin"), Set.of());
        }
        try {
            return check(staging, staging.getPlugin(id), guard);
        } catch (Throwable e) {
            return new Trial(List.of("it cannot be checked: " + plain(e, archive.path())), Set.of());
        } finally {
            try {
                staging.unloadPlugin(id);
            } catch (Throwable ignored) {
                // The trial's class loader is dropped with it either way.
            }
        }
    }

    private static Trial check(PluginRuntime staging, PluginWrapper w, Guard guard) {
        List<String> problems = new ArrayList<>();
        ClassLoader loader = w.getPluginClassLoader();
        String pluginClass = w.getDescriptor().getPluginClass();
        if (pluginClass != null && !pluginClass.isBlank()) {
            try {
                Class<?> c = Class.forName(pluginClass.strip(), false, loader);
                if (!org.pf4j.Plugin.class.isAssignableFrom(c)) {
                    problems.add("its Plugin-Class " + pluginClass + " does not extend org.pf4j.Plugin");
                }
            } catch (ClassNotFoundException e) {
                problems.add("its Plugin-Class " + pluginClass + " is not in the archive");
            } catch (LinkageError e) {
                problems.add("its Plugin-Class " + pluginClass + " cannot be loaded: " + linkage(e));
            }
        }
        Set<String> names = new TreeSet<>(staging.getExtensionClassNames(w.getPluginId()));
        if (names.isEmpty()) {
            problems.add("it declares no extensions (META-INF/extensions.idx is missing or empty: is the PF4J "
                    + "annotation processor on the compile path, and each extension annotated @Extension?)");
        }
        Set<String> ids = new HashSet<>();
        for (String name : names) {
            Class<?> c;
            try {
                c = Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                problems.add("the extension " + name + " is declared but not in the archive");
                continue;
            } catch (LinkageError e) {
                problems.add("the extension " + name + " cannot be loaded: " + linkage(e));
                continue;
            }
            if (ExtensionKind.of(c).isEmpty()) {
                problems.add("the extension " + name + " implements no Leadline extension point");
                continue;
            }
            Guard.Outcome<ExtensionInstances.Declaration> o = guard.call(
                    new Guard.Target(Guard.SYSTEM, w.getPluginId(), c.getSimpleName(), loader), () -> ExtensionInstances.declare(c));
            if (!o.ok()) {
                problems.add("the extension " + name + " cannot be created: it " + o.failure());
                continue;
            }
            ExtensionInstances.Declaration d = o.value();
            String problem = ExtensionSettings.declarationProblem(d.id(), d.settings());
            if (problem == null && !ids.add(d.id())) {
                problem = "another extension of the plugin has the id " + d.id();
            }
            if (problem != null) {
                problems.add("the extension " + name + ": " + problem);
                continue;
            }
            if (d.instance() instanceof ProcessDefinition process) {
                processProblems(w.getPluginId(), d.id(), process, loader, guard).forEach(problems::add);
            }
        }
        return new Trial(List.copyOf(problems), Set.copyOf(ids));
    }

    /** The problems of a process definition's stages, each naming the process; read through the guard. */
    static List<String> processProblems(String pluginId, String extensionId, ProcessDefinition process,
                                        ClassLoader loader, Guard guard) {
        Guard.Outcome<List<StageDefinition>> stages = guard.call(new Guard.Target(Guard.SYSTEM, pluginId, extensionId,
                loader), () -> process.stages() == null ? null : new ArrayList<>(process.stages()));
        if (!stages.ok()) {
            return List.of("the process " + extensionId + ": stages() " + stages.failure());
        }
        return StageDefinitions.problems(stages.value()).stream().map(p -> "the process " + extensionId + ": " + p).toList();
    }

    /** Why a class did not link, for the plugin's author. */
    static String linkage(LinkageError e) {
        if (e instanceof UnsupportedClassVersionError) {
            return "it was compiled for a newer Java than this server runs (Java " + Runtime.version().feature()
                    + "); compile with --release " + Runtime.version().feature() + " or lower";
        }
        if (e instanceof NoClassDefFoundError && e.getMessage() != null) {
            return "it needs " + e.getMessage().replace('/', '.') + ", which is neither in the archive nor provided by the server";
        }
        return Guard.describe(e);
    }

    /** A failure's message without the server's own file names. */
    static String plain(Throwable e, Path archive) {
        String message = e instanceof LinkageError l ? linkage(l) : Guard.describe(e);
        return hideFileNames(message, archive);
    }

    static String hideFileNames(String message, Path archive) {
        if (message == null) {
            return null;
        }
        String out = message.replace(archive.toAbsolutePath().toString(), "the archive");
        if (archive.getParent() != null) {
            out = out.replace(archive.getParent().toAbsolutePath().toString(), "the plugins folder");
        }
        return out.replace(archive.getFileName().toString(), "the archive")
                .replaceAll("\\.upload-[0-9a-f-]{36}\\.(?:jar|zip)", "the archive");
    }
}
