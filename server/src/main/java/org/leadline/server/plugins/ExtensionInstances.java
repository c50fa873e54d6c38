package org.leadline.server.plugins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import org.leadline.plugin.api.LeadlineExtension;
import org.leadline.plugin.api.Setting;
import org.leadline.plugin.api.lifecycle.LeadLifecycleEvent;
import org.leadline.plugin.api.lifecycle.LeadLifecycleListener;
import org.pf4j.PluginWrapper;

/**
 * The one cached instance of every extension of a started plugin, with what it declared: created
 * once when the plugin starts (PF4J's {@code getExtensions()} would create new ones on every call),
 * each declaration read through the guard and checked; an unusable extension is left out and named
 * among the plugin's problems.
 */
final class ExtensionInstances {

    /** The extensions of one loaded plugin, valid as long as that very wrapper is loaded. */
    record Instances(PluginWrapper wrapper, List<Registry.Extension> extensions, List<String> problems) {
    }

    private ExtensionInstances() {
    }

    /** A declaration read from plugin code, inside the guard. */
    record Declaration(LeadlineExtension instance, String id, String description, List<Setting> settings,
                       LeadLifecycleListener.Delivery delivery, Set<LeadLifecycleEvent.Kind> kinds, boolean defaultOn) {
    }

    /** Creates every extension of a started plugin, reading its declarations through the guard. */
    static Instances instantiate(PluginWrapper w, PluginRuntime runtime, Guard guard) {
        String pluginId = w.getPluginId();
        List<Registry.Extension> extensions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Class<?>> classes;
        try {
            classes = runtime.getExtensionClasses(pluginId);
        } catch (Throwable e) {
            problems.add("its extensions cannot be listed: " + e);
            return new Instances(w, List.of(), List.copyOf(problems));
        }
        Set<String> ids = new java.util.HashSet<>();
        for (Class<?> c : classes) {
            Optional<ExtensionKind> kind = ExtensionKind.of(c);
            if (kind.isEmpty()) {
                problems.add(c.getName() + " implements no Leadline extension point");
                continue;
            }
            Guard.Outcome<Declaration> o = guard.call(new Guard.Target(Guard.SYSTEM, pluginId, c.getSimpleName(),
                    w.getPluginClassLoader()), () -> declare(c));
            if (!o.ok()) {
                problems.add(c.getName() + " refused: it " + o.failure());
                continue;
            }
            Declaration d = o.value();
            String problem = ExtensionSettings.declarationProblem(d.id(), d.settings());
            if (problem == null && !ids.add(d.id())) {
                problem = "another extension of the plugin has the id " + d.id();
            }
            if (problem == null && d.instance() instanceof org.leadline.plugin.api.process.ProcessDefinition process) {
                List<String> invalid = ArchiveValidation.processProblems(pluginId, d.id(), process,
                        w.getPluginClassLoader(), guard);
                problem = invalid.isEmpty() ? null : String.join("; ", invalid);
            }
            if (problem != null) {
                problems.add(c.getName() + " refused: " + problem);
                Logger.getLogger(ExtensionInstances.class.getName()).warning("Plugin " + pluginId + ": extension " + c.getName() + " refused: " + problem);
                continue;
            }
            extensions.add(new Registry.Extension(pluginId, w.getDescriptor().getVersion(), d.id(), kind.get(),
                    d.description() == null ? "" : d.description(), List.copyOf(d.settings()), d.instance(),
                    w.getPluginClassLoader(), d.delivery(), d.kinds(), d.defaultOn()));
        }
        extensions.sort(Comparator.comparing(Registry.Extension::id));
        return new Instances(w, List.copyOf(extensions), List.copyOf(problems));
    }

    static Declaration declare(Class<?> c) throws ReflectiveOperationException {
        LeadlineExtension e = (LeadlineExtension) c.getDeclaredConstructor().newInstance();
        LeadLifecycleListener.Delivery delivery = null;
        Set<LeadLifecycleEvent.Kind> kinds = Set.of();
        if (e instanceof LeadLifecycleListener l) {
            delivery = l.delivery() == null ? LeadLifecycleListener.Delivery.AFTER_COMMIT : l.delivery();
            kinds = l.kinds() == null || l.kinds().isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(l.kinds()));
        }
        return new Declaration(e, e.id(), e.description(), e.settings(), delivery, kinds, e.defaultOn());
    }

}
