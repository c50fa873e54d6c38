package com.example.leadlogger;

import java.util.List;

import org.leadline.plugin.api.PluginContext;
import org.leadline.plugin.api.Setting;
import org.leadline.plugin.api.SettingType;
import org.leadline.plugin.api.lifecycle.LeadLifecycleEvent;
import org.leadline.plugin.api.lifecycle.LeadLifecycleListener;
import org.pf4j.Extension;

/** Logs each lead event of the tenants that enabled it, after the change is committed. */
@Extension
public class LeadLogger implements LeadLifecycleListener {

    @Override
    public String id() {
        return "lead-logger";
    }

    @Override
    public String description() {
        return "Writes a line to the server log for every lead event";
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.of("prefix", SettingType.STRING).defaultValue("lead")
                .help("Put in front of every log line, to find them"));
    }

    @Override
    public void onEvent(LeadLifecycleEvent event, PluginContext context) {
        context.logger().log(System.Logger.Level.INFO, "{0}: {1} {2} {3} {4} for tenant {5}",
                context.config().requireString("prefix"), event.kind(), event.lead().id(),
                event.lead().firstName(), event.lead().lastName(), context.tenantId());
    }
}
