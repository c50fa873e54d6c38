package org.leadline.plugin.tck;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.leadline.plugin.api.ExtensionConfig;
import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.LeadlineExtension;
import org.leadline.plugin.api.Money;
import org.leadline.plugin.api.PluginContext;
import org.leadline.plugin.api.Rating;
import org.leadline.plugin.api.Setting;
import org.leadline.plugin.api.SettingType;
import org.leadline.plugin.api.conversion.Conversion;
import org.leadline.plugin.api.conversion.ConversionHandler;
import org.leadline.plugin.api.lifecycle.LeadLifecycleListener;
import org.leadline.plugin.api.net.Egress;
import org.leadline.plugin.api.net.EgressException;
import org.leadline.plugin.api.net.HttpExchange;
import org.leadline.plugin.api.process.ProcessDefinition;
import org.leadline.plugin.api.process.StageDefinition;
import org.leadline.plugin.api.scoring.ScoringResult;
import org.leadline.plugin.api.scoring.ScoringRule;
import org.leadline.plugin.api.source.InboundMaterial;
import org.leadline.plugin.api.source.LeadSource;
import org.leadline.plugin.api.source.ReadResult;

/**
 * The contract of each extension kind, checked on the extensions of a plugin jar in this JVM, without
 * a server: the jar's classes are loaded the way the server loads them (the plugin API, PF4J and the
 * JDK from the host, everything else from the jar), every extension listed in
 * {@code META-INF/extensions.idx} is created and called with edge cases.
 *
 * <ul>
 * <li>every extension: a public no-argument constructor; an id of lower-case letters, digits and
 *     dashes, unique in the plugin and the same on every call; settings declarations whose defaults
 *     satisfy their own type, minimum, maximum, pattern, choices and line rule;</li>
 * <li>{@link ScoringRule}: never {@code null} and never an exception, for a lead with nothing but an
 *     id and for a lead with every field; the same answer from 16 threads at once as from one;</li>
 * <li>{@link ProcessDefinition}: at least one stage, keys and names present, keys unique;</li>
 * <li>{@link ConversionHandler}: the decision before commit and the preview, for a dry run (no ids yet)
 *     and a real qualification, neither throw nor connect anywhere (they must have no effects), and
 *     the decision is never {@code null};</li>
 * <li>{@link LeadSource}: declares media types; reads empty, garbage and plausible material of each
 *     without an unchecked exception and never answers {@code null};</li>
 * <li>{@link LeadLifecycleListener}: kinds and delivery are declared (not {@code null}).</li>
 * </ul>
 *
 * <p>{@link PluginConformance} runs it against your jar; call {@link #check(Path)} from a test of your
 * own to see the violations without starting a server.
 */
public final class ExtensionContracts {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    /** Packages the server always gives a plugin from its own class loader. */
    private static final List<String> HOST_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "jakarta.",
            "org.pf4j.", "org.slf4j.", "org.leadline.plugin.api.");
    private static final int THREADS = 16;

    private ExtensionContracts() {
    }

    /**
     * Every violation of an extension kind's contract found in the plugin jar (or a build's classes
     * folder holding {@code META-INF/extensions.idx}), one sentence each naming the extension; empty
     * when all extensions keep their contracts.
     */
    public static List<String> check(Path archive) throws IOException {
        List<String> violations = new ArrayList<>();
        String pluginId = null;
        String index = null;
        if (java.nio.file.Files.isDirectory(archive)) {
            // A build's classes folder (target/classes): checked before the jar is packed, e.g. by a unit test.
            Path idx = archive.resolve("META-INF/extensions.idx");
            index = java.nio.file.Files.isRegularFile(idx) ? java.nio.file.Files.readString(idx) : null;
        } else {
            try (JarFile jar = new JarFile(archive.toFile())) {
                Manifest manifest = jar.getManifest();
                pluginId = manifest == null ? null : manifest.getMainAttributes().getValue("Plugin-Id");
                var entry = jar.getEntry("META-INF/extensions.idx");
                if (entry != null) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        if (index == null) {
            return List.of("there is no META-INF/extensions.idx: is the PF4J annotation processor on the compile "
                    + "path, and each extension annotated @Extension?");
        }
        List<String> classNames = index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        pluginId = pluginId == null ? "plugin" : pluginId;
        try (PluginLoader loader = new PluginLoader(archive, ExtensionContracts.class.getClassLoader())) {
            Set<String> ids = new HashSet<>();
            for (String name : classNames) {
                Object instance;
                try {
                    instance = Class.forName(name, true, loader).getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                    violations.add(name + " cannot be created with its public no-argument constructor: " + e);
                    continue;
                }
                if (!(instance instanceof LeadlineExtension extension)) {
                    violations.add(name + " implements no Leadline extension point (or bundles its own copy of the plugin API)");
                    continue;
                }
                Thread t = Thread.currentThread();
                ClassLoader previous = t.getContextClassLoader();
                t.setContextClassLoader(loader);
                try {
                    new Checks(pluginId, name, extension, ids, violations).run();
                } finally {
                    t.setContextClassLoader(previous);
                }
            }
        }
        return List.copyOf(violations);
    }

    /** The checks of one extension; each violation names it. */
    private static final class Checks {
        private final String pluginId;
        private final String className;
        private final LeadlineExtension extension;
        private final Set<String> ids;
        private final List<String> violations;
        private String label;
        private PluginContext context;
        private final RecordingEgress egress = new RecordingEgress();

        Checks(String pluginId, String className, LeadlineExtension extension, Set<String> ids, List<String> violations) {
            this.pluginId = pluginId;
            this.className = className;
            this.extension = extension;
            this.ids = ids;
            this.violations = violations;
            this.label = className;
        }

        void run() {
            if (!declarations()) {
                return;
            }
            if (extension instanceof ScoringRule rule) {
                scoring(rule);
            }
            if (extension instanceof ProcessDefinition process) {
                process(process);
            }
            if (extension instanceof ConversionHandler handler) {
                conversion(handler);
            }
            if (extension instanceof LeadSource source) {
                source(source);
            }
            if (extension instanceof LeadLifecycleListener listener) {
                listener(listener);
            }
        }

        private void fail(String what) {
            violations.add(label + ": " + what);
        }

        private boolean declarations() {
            String id;
            try {
                id = extension.id();
            } catch (RuntimeException e) {
                fail("id() throws " + e);
                return false;
            }
            if (id == null || !ID.matcher(id).matches()) {
                fail("its id '" + id + "' is not lower-case letters, digits and dashes starting with a letter (at most 63)");
                return false;
            }
            label = "extension " + id + " (" + className + ")";
            if (!ids.add(id)) {
                fail("another extension of the plugin has the id " + id);
            }
            if (!id.equals(extension.id())) {
                fail("id() answers differently on a second call");
            }
            List<Setting> settings;
            try {
                if (extension.description() == null) {
                    fail("description() is null; answer \"\" when there is nothing to say");
                }
                settings = extension.settings();
            } catch (RuntimeException e) {
                fail("its declarations throw " + e);
                return false;
            }
            if (settings == null) {
                fail("settings() is null; answer List.of() when it has none");
                return false;
            }
            Map<String, Object> defaults = new LinkedHashMap<>();
            Set<String> names = new HashSet<>();
            for (Setting s : settings) {
                if (s == null) {
                    fail("settings() contains null");
                    continue;
                }
                if (!names.add(s.name())) {
                    fail("the setting " + s.name() + " is declared twice");
                }
                setting(s, defaults);
            }
            context = new PluginContext("tck-tenant", pluginId, id, ExtensionConfig.of(defaults),
                    Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC), System.getLogger("tck." + pluginId),
                    egress);
            return true;
        }

        /** A declaration the server accepts, and a default the server would accept as a tenant's value. */
        private void setting(Setting s, Map<String, Object> defaults) {
            String n = "the setting " + s.name();
            boolean numeric = s.type() == SettingType.INTEGER || s.type() == SettingType.DECIMAL;
            if (s.type() == SettingType.CHOICE && s.options().isEmpty()) {
                fail(n + " is a CHOICE without options");
            }
            if (s.type() != SettingType.CHOICE && !s.options().isEmpty()) {
                fail(n + " has options but is not a CHOICE");
            }
            if (!numeric && (s.min() != null || s.max() != null)) {
                fail(n + " has a minimum or maximum but is not an INTEGER or DECIMAL");
            }
            if (s.type() != SettingType.STRING && (s.pattern() != null || s.multiLine())) {
                fail(n + " has a pattern or is multi-line but is not a STRING");
            }
            String d = s.defaultValue();
            if (d == null) {
                return;
            }
            String bad = n + "'s default '" + d + "' ";
            Object value = d;
            switch (s.type()) {
                case INTEGER -> {
                    try {
                        value = Long.parseLong(d.strip());
                    } catch (NumberFormatException e) {
                        fail(bad + "is not an integer");
                        return;
                    }
                }
                case DECIMAL -> {
                    try {
                        value = new BigDecimal(d.strip());
                    } catch (NumberFormatException e) {
                        fail(bad + "is not a decimal number");
                        return;
                    }
                }
                case BOOLEAN -> {
                    if (!d.equals("true") && !d.equals("false")) {
                        fail(bad + "is neither true nor false");
                        return;
                    }
                    value = Boolean.valueOf(d);
                }
                case URL -> {
                    try {
                        URI u = new URI(d);
                        if (!u.isAbsolute() || u.getHost() == null) {
                            fail(bad + "is not an absolute URL with a host");
                            return;
                        }
                        value = u;
                    } catch (java.net.URISyntaxException e) {
                        fail(bad + "is not a URL");
                        return;
                    }
                }
                case CHOICE -> {
                    if (!s.options().contains(d)) {
                        fail(bad + "is not one of its options " + s.options());
                        return;
                    }
                }
                default -> {
                    if (s.pattern() != null) {
                        try {
                            if (!Pattern.compile(s.pattern()).matcher(d).matches()) {
                                fail(bad + "does not match its pattern " + s.pattern());
                            }
                        } catch (PatternSyntaxException e) {
                            fail(n + "'s pattern is not a regular expression");
                        }
                    }
                    if (!s.multiLine() && (d.contains("\n") || d.contains("\r"))) {
                        fail(bad.replace("\n", "\\n") + "spans several lines but the setting is single-line");
                    }
                }
            }
            if (value instanceof Long l) {
                value = new BigDecimal(l);
            }
            if (value instanceof BigDecimal b) {
                if (s.min() != null && b.compareTo(s.min()) < 0 || s.max() != null && b.compareTo(s.max()) > 0) {
                    fail(bad + "is outside its range " + s.min() + " to " + s.max());
                    return;
                }
                value = s.type() == SettingType.INTEGER ? (Object) b.longValueExact() : b;
            }
            defaults.put(s.name(), value);
        }

        private void scoring(ScoringRule rule) {
            LeadView[] leads = {Leads.empty(), Leads.full()};
            String[] names = {"a lead with nothing but an id", "a lead with every field"};
            ScoringResult[] expected = new ScoringResult[leads.length];
            for (int i = 0; i < leads.length; i++) {
                try {
                    expected[i] = rule.evaluate(leads[i], context);
                    if (expected[i] == null) {
                        fail("evaluate() answered null for " + names[i] + "; answer ScoringResult.none() when the rule does not apply");
                    }
                } catch (RuntimeException | LinkageError e) {
                    fail("given " + names[i] + ", evaluate() threw " + e);
                }
            }
            if (expected[0] == null || expected[1] == null) {
                return;
            }
            // The same instance serves every tenant's requests at once: half the threads score one
            // lead, half the other, all starting together, and each must get what one thread got.
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<String>> answers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int which = t % 2;
                answers.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    for (int round = 0; round < 25; round++) {
                        ScoringResult r = rule.evaluate(leads[which], context);
                        if (!Objects.equals(r, expected[which])) {
                            return "for " + names[which] + " it answered " + r + " instead of " + expected[which];
                        }
                    }
                    return null;
                }));
            }
            pool.shutdown();
            try {
                for (Future<String> f : answers) {
                    String wrong = f.get(60, TimeUnit.SECONDS);
                    if (wrong != null) {
                        fail("evaluate() from " + THREADS + " threads at once does not answer as from one thread ("
                                + wrong + "): keep no unguarded mutable state in the rule");
                        break;
                    }
                }
            } catch (java.util.concurrent.ExecutionException e) {
                fail("evaluate() from " + THREADS + " threads at once threw " + e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                fail("evaluate() from " + THREADS + " threads at once did not finish within 60 s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                pool.shutdownNow();
            }
        }

        private void process(ProcessDefinition process) {
            List<StageDefinition> stages;
            try {
                stages = process.stages();
            } catch (RuntimeException | LinkageError e) {
                fail("stages() threw " + e);
                return;
            }
            if (stages == null || stages.isEmpty()) {
                fail("stages() has no stages; a process needs at least one");
                return;
            }
            Set<String> keys = new HashSet<>();
            for (StageDefinition s : stages) {
                if (s == null) {
                    fail("stages() contains null");
                } else if (s.key().isBlank() || s.name().isBlank()) {
                    fail("a stage has a blank key or name");
                } else if (!keys.add(s.key())) {
                    fail("the stage key '" + s.key() + "' is used more than once");
                }
            }
        }

        private void conversion(ConversionHandler handler) {
            LeadView lead = Leads.full();
            Conversion dryRun = new Conversion(lead, null, null, null, "tck-user");
            Conversion real = new Conversion(lead, "00000000-0000-7000-8000-00000000c001",
                    "00000000-0000-7000-8000-00000000a001", "00000000-0000-7000-8000-00000000b001", "tck-user");
            for (Conversion c : List.of(dryRun, real)) {
                String which = c.contactId() == null ? "a dry run" : "a qualification";
                try {
                    if (handler.beforeCommit(c, context) == null) {
                        fail("beforeCommit() answered null for " + which + "; answer ConversionDecision.proceed()");
                    }
                } catch (RuntimeException | LinkageError e) {
                    fail("for " + which + ", beforeCommit() threw " + e);
                }
                try {
                    handler.preview(c, context);
                } catch (RuntimeException | LinkageError e) {
                    fail("for " + which + ", preview() threw " + e);
                }
            }
            if (!egress.attempts.isEmpty()) {
                fail("beforeCommit() or preview() tried to connect (" + String.join(", ", egress.attempts)
                        + "); they must have no effects: do it in afterCommit()");
            }
        }

        private void source(LeadSource source) {
            Set<String> types;
            try {
                types = source.mediaTypes();
            } catch (RuntimeException e) {
                fail("mediaTypes() threw " + e);
                return;
            }
            if (types == null || types.isEmpty()) {
                fail("mediaTypes() names no media type");
                return;
            }
            for (String type : types) {
                for (Map.Entry<String, byte[]> sample : Samples.of(type).entrySet()) {
                    try {
                        ReadResult r = source.read(new InboundMaterial(type, "tck-sample", Map.of(), sample.getValue()), context);
                        if (r == null) {
                            fail("read() answered null for " + sample.getKey() + " of " + type
                                    + "; answer an empty ReadResult, with problems, instead");
                        }
                    } catch (RuntimeException | LinkageError e) {
                        fail("given " + sample.getKey() + " of " + type + ", read() threw " + e
                                + "; report what cannot be read as problems of the ReadResult");
                    }
                }
            }
        }

        private void listener(LeadLifecycleListener listener) {
            try {
                if (listener.kinds() == null) {
                    fail("kinds() is null; answer the kinds it wants, or leave the default (all)");
                }
                if (listener.delivery() == null) {
                    fail("delivery() is null; leave the default (AFTER_COMMIT) or name one");
                }
            } catch (RuntimeException e) {
                fail("its declarations throw " + e);
            }
        }
    }

    /** The edge-case leads. */
    static final class Leads {
        private Leads() {
        }

        static LeadView empty() {
            return new LeadView("00000000-0000-7000-8000-000000000001", null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, 0, null, null, null, null, null, null);
        }

        static LeadView full() {
            Instant t = Instant.parse("2026-03-01T10:15:30Z");
            return new LeadView("00000000-0000-7000-8000-000000000002", "OPEN", Rating.WARM, 42, "qualify",
                    "00000000-0000-7000-8000-00000000e001", "Frau", "Vera", "Vollständig", "Head of Sales",
                    "vera.vollstaendig@example.com", "+49 30 1234567", "Vollständig GmbH", "Manufacturing", 250,
                    new Money(new BigDecimal("12500000.00"), "EUR"), "DE", "TRADE_FAIR", "Hannover Messe",
                    new Money(new BigDecimal("50000.00"), "EUR"), "A CRM for 40 sellers", "THIS_QUARTER", true,
                    "CRM rollout", t, t.plusSeconds(3600), 3, 2, true, 1, 5, t.plusSeconds(1800), 2);
        }
    }

    /** Sample inbound material by media type: empty, garbage, and a plausible one. */
    static final class Samples {
        private Samples() {
        }

        static Map<String, byte[]> of(String mediaType) {
            Map<String, byte[]> out = new LinkedHashMap<>();
            out.put("empty material", new byte[0]);
            byte[] garbage = new byte[512];
            new java.util.Random(13).nextBytes(garbage);
            out.put("random bytes", garbage);
            String plausible = switch (mediaType.toLowerCase(java.util.Locale.ROOT)) {
                case "text/csv" -> "firstName,lastName,email,company\nVera,Probe,vera.probe@example.com,Probe GmbH\n,,,\n";
                case "message/rfc822" -> "From: Vera Probe <vera.probe@example.com>\r\nTo: sales@example.com\r\n"
                        + "Subject: Anfrage\r\nDate: Mon, 2 Mar 2026 09:30:00 +0100\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n\r\nBitte um ein Angebot für 40 Lizenzen.\r\n";
                case "application/x-www-form-urlencoded" -> "lastName=Probe&email=vera.probe%40example.com&company=Probe+GmbH";
                case "application/json" -> "{\"lastName\":\"Probe\",\"email\":\"vera.probe@example.com\"}";
                default -> "Vera Probe, vera.probe@example.com, Probe GmbH";
            };
            out.put("a plausible sample", plausible.getBytes(StandardCharsets.UTF_8));
            return out;
        }
    }

    /** Refuses every connection, as the server's policy would for an unlisted host, and remembers the attempt. */
    private static final class RecordingEgress implements Egress {
        final List<String> attempts = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public java.net.Socket connect(String host, int port, java.time.Duration timeout) throws EgressException {
            attempts.add(host + ":" + port);
            throw EgressException.refused();
        }

        @Override
        public javax.net.SocketFactory socketFactory(java.time.Duration timeout) {
            attempts.add("a socket factory");
            return Egress.refusingAll().socketFactory(timeout);
        }

        @Override
        public HttpExchange.Response send(HttpExchange.Request request) throws EgressException {
            attempts.add(String.valueOf(request.uri()));
            throw EgressException.refused();
        }
    }

    /** The server's class-loading rule: the host's API, PF4J and the JDK from the parent; the rest from the jar first. */
    private static final class PluginLoader extends URLClassLoader {
        PluginLoader(Path jar, ClassLoader parent) throws IOException {
            super(new URL[] {jar.toUri().toURL()}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    if (HOST_PACKAGES.stream().anyMatch(name::startsWith)) {
                        return super.loadClass(name, resolve);
                    }
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        return super.loadClass(name, resolve);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
