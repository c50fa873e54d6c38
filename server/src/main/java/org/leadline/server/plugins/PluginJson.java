package org.leadline.server.plugins;

import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.leadline.plugin.api.Setting;
import org.leadline.server.platform.json.Json;

/** JSON of plugins, extensions and setting declarations, as both admin APIs show them. */
final class PluginJson {

    private PluginJson() {
    }

    static JsonObject plugin(Registry.Plugin p, Guard guard) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", p.id())
                .add("version", p.version())
                .add("state", p.state())
                .add("builtIn", p.builtIn());
        optional(b, "provider", p.provider());
        optional(b, "description", p.description());
        optional(b, "requires", p.requires());
        optional(b, "failure", p.failure());
        b.add("archive", p.archive().getFileName().toString());
        JsonArrayBuilder extensions = Json.createArrayBuilder();
        p.extensions().forEach(e -> extensions.add(extension(e)));
        b.add("extensions", extensions);
        b.add("problems", Json.createArrayBuilder(p.problems()));
        if (guard != null) {
            JsonObjectBuilder metrics = Json.createObjectBuilder();
            guard.metrics(p.id()).snapshot().forEach(metrics::add);
            b.add("metrics", metrics);
            JsonArrayBuilder quarantines = Json.createArrayBuilder();
            for (String[] q : guard.quarantinesOf(p.id())) {
                quarantines.add(Json.createObjectBuilder().add("tenantId", q[0]).add("extensionId", q[1]));
            }
            b.add("quarantines", quarantines);
        }
        return b.build();
    }

    static JsonObjectBuilder extension(Registry.Extension e) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("pluginId", e.pluginId())
                .add("pluginVersion", e.pluginVersion())
                .add("id", e.id())
                .add("kind", e.kind().name())
                .add("description", e.description())
                .add("settings", settings(e.settings()));
        if (e.delivery() != null) {
            b.add("delivery", e.delivery().name());
        }
        return b;
    }

    static JsonArrayBuilder settings(List<Setting> settings) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (Setting s : settings) {
            JsonObjectBuilder b = Json.createObjectBuilder()
                    .add("name", s.name()).add("label", s.label()).add("type", s.type().name())
                    .add("help", s.help()).add("required", s.required()).add("secret", s.secret());
            // A secret's default is as secret as its value.
            if (s.defaultValue() != null && !s.secret()) {
                b.add("default", s.defaultValue());
            }
            if (!s.options().isEmpty()) {
                b.add("options", Json.createArrayBuilder(s.options()));
            }
            a.add(b);
        }
        return a;
    }

    private static void optional(JsonObjectBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.add(name, value);
        }
    }
}
