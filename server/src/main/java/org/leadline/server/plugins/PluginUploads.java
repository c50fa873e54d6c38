package org.leadline.server.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/**
 * The platform administrator's uploads: an archive is stored, checked (its id, its version, a
 * trial load by {@link ArchiveValidation}) and only then handed to the {@link PluginHost} to
 * replace the running version.
 */
@ApplicationScoped
public class PluginUploads {

    private static final Logger LOG = Logger.getLogger(PluginUploads.class.getName());

    @Inject
    PluginHost host;

    @Inject
    TenantExtensions tenantExtensions;

    @Inject
    PluginRecords records;

    /**
     * Installs or upgrades from an uploaded archive. Nothing running changes unless the archive passes
     * every check: a plugin id of its own (not a built-in's), a semantic version newer than the one
     * installed (or {@code allowDowngrade}), the plugin API range met, and a trial load
     * ({@link ArchiveValidation}) in which its classes load and every extension is created with valid
     * declarations. Only then does it replace the running version; should its {@code start()} fail,
     * the old version is put back. Any refusal is a 422 naming every problem.
     */
    PluginHost.Installed install(InputStream body, boolean zip, boolean allowDowngrade) {
        Path temp = host.installedDir().resolve(".upload-" + UUID.randomUUID() + (zip ? ".zip" : ".jar"));
        Path target = null;
        try {
            copyLimited(body, temp, PluginSettings.maxArchiveBytes());
            Optional<String> refusal = PluginArchives.inspect(temp, zip, host.runtime());
            if (refusal.isPresent()) {
                throw refused(ArchiveValidation.hideFileNames(refusal.get(), temp));
            }
            PluginArchive archive = PluginArchive.read(temp, zip);
            if (host.builtIn(archive.id())) {
                throw refused("its plugin id " + archive.id() + " is the id of a plugin shipped with the server; "
                        + "a built-in plugin cannot be replaced by an upload. Give your plugin an id of its own");
            }
            checkVersion(archive, host.registry(), allowDowngrade);
            target = host.installedDir().resolve(archive.id() + "-" + archive.version().replaceAll("[^A-Za-z0-9.+-]", "_")
                    + "-" + System.currentTimeMillis() + (zip ? ".zip" : ".jar"));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            PluginArchive placed = new PluginArchive(target, archive.id(), archive.version(), archive.requires(),
                    archive.provider(), archive.description(), zip);
            List<String> problems = ArchiveValidation.problems(placed, host.guard());
            if (!problems.isEmpty()) {
                throw refused(problems);
            }
            PluginHost.Installed installed = swap(placed, allowDowngrade);
            target = null;
            return installed;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot store the uploaded plugin in " + host.installedDir(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.fine("Cannot delete " + temp);
            }
            if (target != null) {
                PluginArchives.deleteArchive(target);
            }
        }
    }

    /**
     * A version is a semantic version (MAJOR.MINOR.PATCH, with optional pre-release and build); an
     * upgrade must be newer than the installed version unless the administrator allows otherwise.
     */
    static void checkVersion(PluginArchive archive, Registry registry, boolean allowDowngrade) {
        Optional<com.github.zafarkhaja.semver.Version> version = com.github.zafarkhaja.semver.Version.tryParse(archive.version().strip());
        if (version.isEmpty()) {
            throw refused("its Plugin-Version '" + archive.version() + "' is not a semantic version "
                    + "(MAJOR.MINOR.PATCH, e.g. 1.4.0 or 2.0.0-rc.1)");
        }
        Registry.Plugin installed = registry.plugins().get(archive.id());
        if (installed == null || allowDowngrade) {
            return;
        }
        Optional<com.github.zafarkhaja.semver.Version> current = com.github.zafarkhaja.semver.Version.tryParse(installed.version().strip());
        if (current.isPresent() && version.get().compareTo(current.get()) <= 0) {
            throw refused("its version " + archive.version() + " is " + (version.get().compareTo(current.get()) == 0
                    ? "the version already installed" : "older than the installed " + installed.version())
                    + "; to install it anyway, send allowDowngrade=true");
        }
    }

    /**
     * Replaces the running version of the archive's plugin (or installs it) under the write lock; an
     * archive that does not load or start is removed and the old version loaded and started again.
     */
    private PluginHost.Installed swap(PluginArchive archive, boolean allowDowngrade) {
        return host.underWriteLock(() -> {
            String id = archive.id();
            if (!allowDowngrade) {
                checkVersion(archive, host.registry(), false); // another upload may have come first
            }
            PluginWrapper old = host.runtime().getPlugin(id);
            Path oldPath = old == null ? null : old.getPluginPath();
            String oldVersion = old == null ? null : old.getDescriptor().getVersion();
            boolean wasStopped = old != null && old.getPluginState() == PluginState.STOPPED;
            Set<String> oldExtensions = old == null ? null : extensionIds(id, old);
            if (old != null) {
                host.runtime().unloadPlugin(id);
            }
            long p0 = System.nanoTime();
            String failure = null;
            try {
                host.runtime().loadPlugin(archive.path());
                if (host.starter().start(id) != PluginState.STARTED) {
                    failure = "its start() failed: " + startFailure(id);
                }
            } catch (Throwable e) {
                failure = "it cannot be loaded: " + ArchiveValidation.plain(e, archive.path());
            }
            if (failure != null) {
                rollBack(id, oldPath, wasStopped);
                throw refused(ArchiveValidation.hideFileNames(failure, archive.path()));
            }
            records.clear(id);
            host.loaded(id, Duration.ofNanos(System.nanoTime() - p0));
            if (oldPath != null && oldPath.startsWith(host.installedDir())) {
                PluginArchives.deleteArchive(oldPath);
            }
            host.rebuild();
            if (oldExtensions != null) {
                keepNewExtensionsOff(id, oldExtensions);
            }
            LOG.info("Installed plugin " + id + " " + archive.version()
                    + (oldVersion == null ? "" : " (replacing " + oldVersion + ")"));
            return new PluginHost.Installed(host.registry().plugins().get(id), oldVersion);
        });
    }

    /**
     * The extension ids of the running version: those of its started extensions, or, when it is not
     * started (stopped, failed), those a trial load of its archive finds. Taking the empty list of a
     * plugin that is not started would count every extension as new and turn it off for every tenant.
     */
    private Set<String> extensionIds(String id, PluginWrapper old) {
        Registry.Plugin current = host.registry().plugins().get(id);
        if (current != null && PluginState.STARTED.toString().equals(current.state())) {
            return current.extensions().stream().map(Registry.Extension::id).collect(java.util.stream.Collectors.toSet());
        }
        Path path = old.getPluginPath();
        try {
            PluginArchive archive = PluginArchive.read(path, path.getFileName().toString().endsWith(".zip"));
            return ArchiveValidation.trial(archive, host.guard()).extensionIds();
        } catch (RuntimeException e) {
            // Not knowing what it had, everything counts as new: an upgrade must never switch on what a
            // tenant did not choose, even at the price of a default the tenant then enables again.
            LOG.log(Level.WARNING, "Plugin " + id + ": the extensions of the replaced version could not be read;"
                    + " all extensions of the new version stay off for existing tenants without a choice", e);
            return Set.of();
        }
    }

    /** The new version did not start: it goes, the old one (if any) is loaded and started again. */
    private void rollBack(String id, Path oldPath, boolean wasStopped) {
        try {
            if (host.runtime().getPlugin(id) != null) {
                host.runtime().unloadPlugin(id);
            }
        } catch (Throwable e) {
            LOG.log(java.util.logging.Level.WARNING, "Unloading the refused version of plugin " + id + " failed", e);
        }
        host.starter().forget(id);
        if (oldPath != null) {
            try {
                host.runtime().loadPlugin(oldPath);
                if (wasStopped) {
                    host.runtime().getPlugin(id).setPluginState(PluginState.STOPPED);
                } else {
                    host.starter().start(id);
                }
            } catch (Throwable e) {
                LOG.log(java.util.logging.Level.SEVERE, "Plugin " + id + ": the previous version could not be loaded again", e);
            }
        }
        host.rebuild();
    }

    /** A start failure in the plugin author's terms: the exception's message, not its class name. */
    private String startFailure(String id) {
        PluginWrapper w = host.runtime().getPlugin(id);
        Throwable t = w == null ? null : w.getFailedException();
        if (t != null && !(t instanceof java.util.concurrent.TimeoutException)) {
            return Guard.describe(t);
        }
        return Optional.ofNullable(host.starter().failure(id)).orElse("it did not start");
    }

    /**
     * Extensions an upgrade brings that the old version did not have stay off for every existing
     * tenant that has not chosen them, even when the plugin is one of the tenants' defaults; those that
     * declare themselves default-on wait for the platform administrator's confirmation where the tenant
     * uses the plugin.
     */
    private void keepNewExtensionsOff(String id, Set<String> oldExtensions) {
        Registry.Plugin p = host.registry().plugins().get(id);
        if (p == null) {
            return;
        }
        List<String> added = p.extensions().stream().map(Registry.Extension::id).filter(e -> !oldExtensions.contains(e)).toList();
        if (added.isEmpty()) {
            return;
        }
        Set<String> defaultOn = p.extensions().stream().filter(e -> added.contains(e.id()) && e.defaultOn())
                .map(Registry.Extension::id).collect(java.util.stream.Collectors.toSet());
        Set<String> kept = p.extensions().stream().map(Registry.Extension::id).filter(oldExtensions::contains)
                .collect(java.util.stream.Collectors.toSet());
        try {
            int tenants = tenantExtensions.holdNewExtensions(id, added, defaultOn, kept, host.defaultPlugin(id));
            LOG.info("Plugin " + id + ": the new extensions " + added + " stay off for " + tenants + " existing tenants"
                    + (defaultOn.isEmpty() ? "" : "; " + defaultOn + " await confirmation of their default-on"));
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.SEVERE, "Plugin " + id + ": could not record the new extensions " + added
                    + " as off for existing tenants", e);
        }
    }

    static ProblemException refused(String reason) {
        return new ProblemException(ProblemType.UNPROCESSABLE, "The plugin archive was refused: " + reason,
                List.of(new FieldError("archive", reason)));
    }

    /** A refusal with several problems, each a field error of its own. */
    static ProblemException refused(List<String> reasons) {
        if (reasons.size() == 1) {
            return refused(reasons.get(0));
        }
        return new ProblemException(ProblemType.UNPROCESSABLE, "The plugin archive was refused: " + reasons.size()
                + " problems: " + String.join("; ", reasons),
                reasons.stream().map(r -> new FieldError("archive", r)).toList());
    }

    private static void copyLimited(InputStream in, Path target, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    throw new ProblemException(ProblemType.BODY_TOO_LARGE,
                            "The plugin archive exceeds the limit of " + max + " bytes (" + PluginSettings.MAX_ARCHIVE_BYTES + ")");
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw refused("the request body is empty; send the jar or zip as the body");
        }
    }

}
