package org.leadline.plugins.email;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.internet.InternetAddress;

import org.leadline.plugin.api.ExtensionConfig;
import org.leadline.plugin.api.PluginContext;
import org.leadline.plugin.api.Setting;
import org.leadline.plugin.api.SettingType;
import org.leadline.plugin.api.source.InboundMaterial;
import org.leadline.plugin.api.source.InboundMessage;
import org.leadline.plugin.api.source.LeadDraft;
import org.leadline.plugin.api.source.MailboxSource;
import org.leadline.plugin.api.source.LimitExceeded;
import org.leadline.plugin.api.source.NotALead;
import org.leadline.plugin.api.source.ReadResult;
import org.pf4j.Extension;

/**
 * Turns an e-mail ({@code message/rfc822}) into a lead draft: the sender (for a forward, the
 * original sender), the signature's company, job title, phone and mobile (E.164), website and
 * address, the subject as topic, and the message itself as the lead's first inbound e-mail. Mail
 * that is no enquiry (bounces, automatic replies, bulk, no-reply senders) is reported as not a lead.
 * Every field says where it was found.
 */
@Extension
public class EmailSource implements MailboxSource {

    static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch",
            "gmx.com", "web.de", "outlook.com", "outlook.de", "hotmail.com", "hotmail.de", "hotmail.co.uk", "live.com",
            "live.de", "msn.com", "yahoo.com", "yahoo.de", "yahoo.co.uk", "yahoo.fr", "ymail.com", "t-online.de",
            "icloud.com", "me.com", "mac.com", "aol.com", "aol.de", "freenet.de", "arcor.de", "posteo.de", "posteo.net",
            "mailbox.org", "protonmail.com", "proton.me", "email.de", "online.de", "mail.de", "vodafone.de", "1und1.de",
            "yandex.com", "yandex.ru", "mail.ru", "zoho.com", "gmx.info", "bluewin.ch", "orange.fr", "libero.it");

    @Override
    public String id() {
        return "email";
    }

    @Override
    public String description() {
        return "Reads e-mails (message/rfc822), uploaded or polled from an IMAP folder: sender, signature details and the message as the first interaction";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("message/rfc822");
    }

    @Override
    public List<Setting> settings() {
        List<Setting> settings = new java.util.ArrayList<>(List.of(
                Setting.of("defaultRegion", SettingType.STRING).defaultValue("DE").pattern("[A-Za-z]{2}")
                        .help("Country (ISO 3166) of phone numbers written without country code, when the sender's domain does not tell"),
                Setting.of("freeMailDomains", SettingType.STRING)
                        .help("More free-mail domains (comma-separated) whose senders get no company from their domain"),
                Setting.of("maxHeaders", SettingType.INTEGER).defaultValue(String.valueOf(MailLimits.DEFAULTS.maxHeaders())).range(1, 10_000)
                        .help("Most header fields in one header block of a message"),
                Setting.of("maxHeaderLength", SettingType.INTEGER).defaultValue(String.valueOf(MailLimits.DEFAULTS.maxHeaderLength())).range(1, 1_048_576)
                        .help("Most characters in one header field"),
                Setting.of("maxDepth", SettingType.INTEGER).defaultValue(String.valueOf(MailLimits.DEFAULTS.maxDepth())).range(1, 100)
                        .help("Deepest nesting of MIME parts"),
                Setting.of("maxParts", SettingType.INTEGER).defaultValue(String.valueOf(MailLimits.DEFAULTS.maxParts())).range(1, 10_000)
                        .help("Most MIME parts in one message")));
        settings.addAll(ImapMailbox.settings());
        return List.copyOf(settings);
    }

    @Override
    public Optional<java.time.Duration> pollInterval(ExtensionConfig config) {
        return ImapMailbox.pollInterval(config);
    }

    @Override
    public List<InboundMaterial> fetch(PluginContext context, int max) throws Exception {
        return new ImapMailbox(context.config(), context.logger(), context.egress()).fetch(max);
    }

    @Override
    public void acknowledge(PluginContext context, List<String> refs) throws Exception {
        new ImapMailbox(context.config(), context.logger(), context.egress()).acknowledge(refs);
    }

    @Override
    public ReadResult read(InboundMaterial material, PluginContext context) {
        return read(material.content(), context.config());
    }

    ReadResult read(byte[] raw, ExtensionConfig config) {
        MailLimits limits = new MailLimits(bounded(config, "maxHeaders", MailLimits.DEFAULTS.maxHeaders()),
                bounded(config, "maxHeaderLength", MailLimits.DEFAULTS.maxHeaderLength()),
                bounded(config, "maxDepth", MailLimits.DEFAULTS.maxDepth()),
                bounded(config, "maxParts", MailLimits.DEFAULTS.maxParts()));
        String defaultRegion = setting(config, "defaultRegion").map(s -> s.strip().toUpperCase(Locale.ROOT)).orElse("DE");
        Set<String> freeMail = new HashSet<>(FREE_MAIL);
        setting(config, "freeMailDomains").ifPresent(s -> Arrays.stream(s.split("[,;\\s]+"))
                .filter(d -> !d.isBlank()).forEach(d -> freeMail.add(d.strip().toLowerCase(Locale.ROOT))));
        ParsedMail mail;
        try {
            mail = new MailReader(limits).read(raw);
        } catch (MailLimits.Exceeded e) {
            return ReadResult.over(new LimitExceeded(e.limit, e.getMessage()));
        } catch (MailReader.Unreadable e) {
            return new ReadResult(List.of(), List.of(e.getMessage()));
        } catch (Exception | StackOverflowError e) {
            return new ReadResult(List.of(), List.of("The message could not be read as an e-mail: " + e.getMessage()));
        }
        Optional<String> notALead = NotLeadRules.reason(mail);
        if (notALead.isPresent()) {
            return ReadResult.notALead(new NotALead(mail.messageId(), notALead.get()));
        }
        return new ReadResult(List.of(draft(mail, defaultRegion, freeMail)), List.of());
    }

    static LeadDraft draft(ParsedMail mail, String defaultRegion, Set<String> freeMail) {
        Map<String, String> provenance = new LinkedHashMap<>();
        String senderName = mail.fromName();
        String senderAddress = mail.fromAddress();
        String senderFrom = "From header";
        String body = mail.text();
        boolean forwardSubject = MessageText.forwardSubject(mail.subject());
        String topicSubject = mail.subject();

        ParsedMail attached = mail.attached();
        MessageText.Forwarded inline = MessageText.forwarded(body, forwardSubject, MessageText.replySubject(mail.subject()));
        if (attached != null && forwardSubject && attached.fromAddress() != null) {
            senderName = attached.fromName();
            senderAddress = attached.fromAddress();
            senderFrom = "the From header of the forwarded message (attached)";
            body = attached.text();
            topicSubject = attached.subject() != null ? attached.subject() : topicSubject;
        } else if (inline != null) {
            InternetAddress original = MailReader.parseAddress(inline.from());
            if (original != null && original.getAddress() != null && original.getAddress().contains("@")) {
                senderName = original.getPersonal();
                senderAddress = original.getAddress().toLowerCase(Locale.ROOT);
                senderFrom = "the From line of the forwarded message: \"" + MailReader.cut(inline.from(), 120) + "\"";
                body = inline.text();
                topicSubject = inline.subject() != null ? inline.subject() : topicSubject;
            }
        }
        String domain = senderAddress != null && senderAddress.contains("@")
                ? senderAddress.substring(senderAddress.lastIndexOf('@') + 1) : null;
        boolean free = domain == null || freeMail.contains(domain);
        String region = regionOfDomain(domain, free).orElse(defaultRegion);

        String ownWords = MessageText.ownWords(body);
        Signature sig = Signature.read(Signature.lines(ownWords), region);

        // The person: the display name, else the signature's name line, else the address.
        String[] name = personName(senderName);
        if (name != null) {
            provenance.put("lastName", "the display name in " + senderFrom);
            if (name[1] != null) {
                provenance.put("firstName", "the display name in " + senderFrom);
            }
        } else if (sig.name != null) {
            name = personName(sig.name.value());
            if (name != null) {
                provenance.put("lastName", sig.name.from());
                if (name[1] != null) {
                    provenance.put("firstName", sig.name.from());
                }
            }
        }
        if (name == null) {
            name = nameFromAddress(senderAddress);
            provenance.put("lastName", "the local part of the address (no name was found)");
            if (name[1] != null) {
                provenance.put("firstName", "the local part of the address");
            }
        }
        if (senderAddress != null) {
            provenance.put("email", senderFrom);
        }
        String company = null;
        if (sig.company != null) {
            company = sig.company.value();
            provenance.put("companyName", sig.company.from());
        } else if (!free) {
            company = domain;
            provenance.put("companyName", "the sender's domain");
        }
        String country = null;
        if (sig.country != null) {
            country = sig.country.value();
            provenance.put("country", sig.country.from());
        } else if (sig.phone != null && Signature.regionOf(sig.phone.value()) != null && (sig.postalCode != null || !free)) {
            country = Signature.regionOf(sig.phone.value());
            provenance.put("country", "the country code of the phone number");
        } else if (!free && regionOfDomain(domain, false).isPresent()) {
            country = regionOfDomain(domain, false).get();
            provenance.put("country", "the country domain of the sender (." + domain.substring(domain.lastIndexOf('.') + 1) + ")");
        }
        put(provenance, "jobTitle", sig.jobTitle);
        put(provenance, "phone", sig.phone);
        put(provenance, "mobilePhone", sig.mobile);
        put(provenance, "website", sig.website);
        put(provenance, "street", sig.street);
        put(provenance, "postalCode", sig.postalCode);
        put(provenance, "city", sig.city);
        String topic = MessageText.topic(topicSubject);
        if (topic != null) {
            provenance.put("topic", "the subject");
        }
        InboundMessage message = new InboundMessage("EMAIL", mail.messageId(), mail.references(), mail.sentAt(),
                mail.subject(), mail.text());
        return new LeadDraft(name[0], cut(name[1], 100), cut(name[2], 100), value(sig.jobTitle, 128),
                cut(senderAddress, 254), value(sig.phone, 40), value(sig.mobile, 40), cut(company, 200),
                value(sig.website, 500), value(sig.street, 200), value(sig.postalCode, 20), value(sig.city, 100),
                country, null, null, cut(topic, 200), null, Map.of(), message, provenance);
    }

    /** Lower-case name particles that belong to the last name: "Jan van der Berg", "Ursula von der Heide". */
    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di", "da",
            "du", "le", "la", "ten", "ter", "zu", "zum", "zur", "vom", "dos", "das", "af", "av");

    /**
     * Salutation (a title such as Dr.), first name, last name; null when the text is no person's name.
     * Reads "First Last", "Last, First" (Outlook's and Notes' order), lower-case particles as part of
     * the last name ("van der Berg"), apostrophes inside names ("O'Connor"), and drops a trailing
     * department or company in brackets ("Smith, John (Sales)").
     */
    static String[] personName(String display) {
        if (display == null) {
            return null;
        }
        String s = display.replace("\"", "").strip();
        // Quotes around the whole name, as some clients write it: 'Anna Weber'.
        if (s.length() > 1 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("‘") && s.endsWith("’"))) {
            s = s.substring(1, s.length() - 1).strip();
        }
        s = s.replaceAll("\\s*[(\\[][^()\\[\\]]*[)\\]]\\s*$", "").strip();
        s = s.replaceAll("(?i)\\s+(via|über)\\s+.*$", "").strip();
        s = s.replaceAll("\\s+[|–-]\\s+.*$", "").strip();
        if (s.isEmpty() || s.contains("@") || s.matches(".*\\d.*")) {
            return null;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.matches(".*\\b(team|info|sales|vertrieb|support|service|office|kontakt|contact|newsletter|gmbh|ag|inc|ltd|llc)\\b.*")) {
            return null;
        }
        String salutation = null;
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("^((?:(?:dr|prof|dipl\\.-ing|mag)\\.?\\s+)+)").matcher(lower);
        if (t.find()) {
            salutation = s.substring(0, t.end()).strip();
            s = s.substring(t.end()).strip();
        }
        String first;
        String last;
        if (s.contains(",")) {
            String[] parts = s.split(",", 2);
            last = parts[0].strip();
            first = parts[1].strip();
            if (last.isEmpty() || last.split("\\s+").length > 4 || first.split("\\s+").length > 3) {
                return null;
            }
            first = first.isEmpty() ? null : first;
            java.util.regex.Matcher title = java.util.regex.Pattern.compile("^((?:(?:dr|prof)\\.?\\s+)+)", java.util.regex.Pattern.CASE_INSENSITIVE)
                    .matcher(first == null ? "" : first);
            if (title.find()) {
                salutation = salutation == null ? title.group(1).strip() : salutation;
                first = first.substring(title.end()).strip();
                first = first.isEmpty() ? null : first;
            }
        } else {
            String[] words = s.split("\\s+");
            if (words.length == 0 || words.length > 5 || words[0].isEmpty()) {
                return null;
            }
            // "SCHNEIDER Thomas": a directory's surname first, in capitals.
            if (words.length == 2 && words[0].length() > 1 && words[0].equals(words[0].toUpperCase(Locale.ROOT))
                    && !words[1].equals(words[1].toUpperCase(Locale.ROOT))) {
                return new String[] {cut(salutation, 20), words[1], capital(words[0].toLowerCase(Locale.ROOT))};
            }
            int lastStart = words.length - 1;
            while (lastStart > 1 && PARTICLES.contains(words[lastStart - 1])) {
                lastStart--;
            }
            last = String.join(" ", Arrays.copyOfRange(words, lastStart, words.length));
            first = lastStart > 0 ? String.join(" ", Arrays.copyOf(words, lastStart)) : null;
        }
        if (first != null && first.matches("(?i)(dr|prof)\\.?")) {
            salutation = salutation == null ? first : salutation;
            first = null;
        }
        return new String[] {cut(salutation, 20), first, last};
    }

    static String[] nameFromAddress(String address) {
        if (address == null || !address.contains("@")) {
            return new String[] {null, null, "Unknown"};
        }
        String local = address.substring(0, address.indexOf('@'));
        String[] parts = local.split("[._-]+");
        if (parts.length >= 2 && parts[0].matches("\\p{L}{2,}") && parts[parts.length - 1].matches("\\p{L}{2,}")) {
            return new String[] {null, capital(parts[0]), capital(parts[parts.length - 1])};
        }
        return new String[] {null, null, local};
    }

    private static String capital(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static Optional<String> regionOfDomain(String domain, boolean free) {
        if (domain == null || free) {
            return Optional.empty();
        }
        String tld = domain.substring(domain.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
        if (tld.equals("UK")) {
            return Optional.of("GB");
        }
        if (tld.length() == 2 && Arrays.asList(Locale.getISOCountries()).contains(tld) && !Set.of("IO", "AI", "CO", "TV", "ME", "LY").contains(tld)) {
            return Optional.of(tld);
        }
        return Optional.empty();
    }

    private static void put(Map<String, String> provenance, String field, Signature.Found found) {
        if (found != null) {
            provenance.put(field, found.from());
        }
    }

    private static String value(Signature.Found f, int max) {
        return f == null ? null : cut(f.value(), max);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static int bounded(ExtensionConfig config, String name, int fallback) {
        try {
            return config.integer(name).map(v -> (int) Math.max(1, Math.min(Integer.MAX_VALUE, v))).orElse(fallback);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static Optional<String> setting(ExtensionConfig config, String name) {
        try {
            return config.string(name).filter(s -> !s.isBlank());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
