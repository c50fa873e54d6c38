package org.leadline.plugin.tck;

import java.nio.file.Path;
import java.util.Set;

/** The conformance suite run against the example plugin, as a partner runs it against theirs. */
class ExamplePluginConformanceIT extends PluginConformance {

    @Override
    protected Path pluginArchive() {
        return Path.of(System.getProperty("leadline.tck.plugin"));
    }

    @Override
    protected Set<String> expectedExtensions() {
        return Set.of("lead-logger");
    }
}
