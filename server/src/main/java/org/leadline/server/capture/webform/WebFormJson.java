package org.leadline.server.capture.webform;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.leadline.server.platform.json.Json;

/** Web forms as stored (their fields as JSON), their defaults, and origins in their normal form. */
final class WebFormJson {

    static final int DEFAULT_MIN_FILL_SECONDS = 3;
    static final int DEFAULT_PER_IP_PER_MINUTE = 10;
    static final int DEFAULT_PER_FORM_PER_MINUTE = 300;
    static final int DEFAULT_DUPLICATE_WINDOW_SECONDS = 600;

    private WebFormJson() {
    }

    /** The normalised origin ({@code scheme://host[:port]}, lower case), or null when the text is none. */
    static String origin(String text) {
        if (text == null || text.length() > 300) {
            return null;
        }
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || u.getHost() == null || u.getRawUserInfo() != null
                    || u.getRawQuery() != null || u.getRawFragment() != null
                    || u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/")) {
                return null;
            }
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() == -1 ? "" : ":" + u.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The origin of a full URL such as a Referer, or null. */
    static String originOf(String url) {
        if (url == null || url.length() > 2000) {
            return null;
        }
        try {
            URI u = new URI(url);
            if (u.getScheme() == null || u.getHost() == null) {
                return null;
            }
            return origin(u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort()));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static JsonArray writeFields(List<WebFormDefinition.Field> fields) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (WebFormDefinition.Field f : fields) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("name", f.name());
            if (f.leadField() == null) {
                b.addNull("leadField");
            } else {
                b.add("leadField", f.leadField());
            }
            a.add(b.add("required", f.required()).add("maxLength", f.maxLength()));
        }
        return a.build();
    }

    static List<WebFormDefinition.Field> readStoredFields(String stored) {
        List<WebFormDefinition.Field> fields = new ArrayList<>();
        try (var reader = Json.createReader(new StringReader(stored))) {
            for (JsonValue v : reader.readArray()) {
                JsonObject o = v.asJsonObject();
                fields.add(new WebFormDefinition.Field(o.getString("name"),
                        o.isNull("leadField") ? null : o.getString("leadField"), o.getBoolean("required"),
                        o.getInt("maxLength")));
            }
        }
        return List.copyOf(fields);
    }
}
