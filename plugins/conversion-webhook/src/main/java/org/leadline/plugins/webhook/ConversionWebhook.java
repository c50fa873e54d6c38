package org.leadline.plugins.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.PluginContext;
import org.leadline.plugin.api.Setting;
import org.leadline.plugin.api.SettingType;
import org.leadline.plugin.api.conversion.Conversion;
import org.leadline.plugin.api.conversion.ConversionHandler;
import org.leadline.plugin.api.net.EgressException;
import org.leadline.plugin.api.net.HttpExchange;
import org.pf4j.Extension;

/**
 * Posts every qualification of the tenant to a URL as JSON, after it committed. Off until a
 * tenant administrator sets the URL. A post that is not answered with a 2xx status fails, and the
 * server's outbox tries it again later (at least once, so a receiver deduplicates on the
 * opportunity's id). With a signing secret set, each post carries
 * {@code Leadline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, so the receiver
 * can check that it came from this installation and is recent. The post goes through the server's
 * egress policy: a URL inside the installation's networks is refused unless the platform
 * administrator allowed it.
 */
@Extension
public class ConversionWebhook implements ConversionHandler {

    @Override
    public String id() {
        return "webhook";
    }

    @Override
    public String description() {
        return "Posts each qualified lead with its contact, account and opportunity to a URL";
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.of("url", SettingType.URL).asRequired().help("Where the qualification is posted (HTTP POST, JSON)"),
                Setting.of("token", SettingType.STRING).asSecret().help("Sent as a bearer token, if set"),
                Setting.of("signingSecret", SettingType.STRING).asSecret()
                        .help("If set, each post is signed with it: header Leadline-Signature: t=<unix seconds>,"
                                + "v1=<hex HMAC-SHA256 of \"<t>.<body>\">"));
    }

    @Override
    public void afterCommit(Conversion conversion, PluginContext context) {
        URI url = context.config().url("url").orElseThrow();
        byte[] body = json(conversion, context).getBytes(StandardCharsets.UTF_8);
        HttpExchange.Request request = HttpExchange.Request.post(url, "application/json", body, Duration.ofSeconds(5));
        String token = context.config().string("token").orElse(null);
        if (token != null) {
            request = request.withHeader("Authorization", "Bearer " + token);
        }
        String secret = context.config().string("signingSecret").orElse(null);
        if (secret != null) {
            request = request.withHeader(SIGNATURE, signature(secret, context.clock().instant().getEpochSecond(), body));
        }
        HttpExchange.Response response;
        try {
            response = context.egress().send(request);
        } catch (EgressException e) {
            // Thrown on: the server's outbox tries the post again later.
            throw new IllegalStateException("Webhook " + url + " not delivered for lead " + conversion.lead().id()
                    + ": " + e.getMessage(), e);
        }
        if (response.status() < 200 || response.status() >= 300) {
            throw new IllegalStateException("Webhook " + url + " answered " + response.status() + " for lead "
                    + conversion.lead().id());
        }
    }

    @Override
    public String preview(Conversion conversion, PluginContext context) {
        return "Posts the qualification to " + context.config().url("url").map(URI::toString).orElse("(no URL set)")
                + (context.config().string("signingSecret").isPresent() ? ", signed" : "")
                + ", once it is committed (retried until the receiver takes it)";
    }

    /** The signature header's name. */
    static final String SIGNATURE = "Leadline-Signature";

    /** {@code t=<seconds>,v1=<hex HMAC-SHA256 of "<seconds>.<body>" with the secret>}. */
    static String signature(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    static String json(Conversion c, PluginContext context) {
        LeadView l = c.lead();
        return "{\"event\":\"lead.qualified\",\"tenantId\":" + quote(context.tenantId())
                + ",\"leadId\":" + quote(l.id())
                + ",\"contactId\":" + quote(c.contactId())
                + ",\"accountId\":" + quote(c.accountId())
                + ",\"opportunityId\":" + quote(c.opportunityId())
                + ",\"qualifiedBy\":" + quote(c.userId())
                + ",\"lead\":{\"firstName\":" + quote(l.firstName()) + ",\"lastName\":" + quote(l.lastName())
                + ",\"email\":" + quote(l.email()) + ",\"companyName\":" + quote(l.companyName())
                + ",\"topic\":" + quote(l.topic()) + "}"
                + ",\"at\":" + quote(context.clock().instant().toString()) + "}";
    }

    /** A JSON string literal; the plugin API brings no JSON library and this one message needs none. */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
