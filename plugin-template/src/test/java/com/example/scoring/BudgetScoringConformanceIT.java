package com.example.scoring;

import java.nio.file.Path;
import java.util.Set;

import org.leadline.plugin.tck.PluginConformance;

/** The whole TCK against the jar, in a real Leadline: mvn verify -Dleadline.home=/path/to/leadline */
class BudgetScoringConformanceIT extends PluginConformance {

    @Override
    protected Path pluginArchive() {
        return Path.of(System.getProperty("leadline.tck.plugin"));
    }

    @Override
    protected Set<String> expectedExtensions() {
        return Set.of("budget-threshold");
    }
}
