package org.leadline.plugins.email;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * What a signature tells about its author: name, job title, company, phone and mobile (E.164),
 * website and postal address, each with the line it came from. The signature is the block after
 * the last closing ("Kind regards", "Mit freundlichen Grüßen", "-- ") of the author's own words,
 * else their last paragraph.
 */
final class Signature {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern NANP = Pattern.compile("^(\\+?1[ .-]?)?(\\(\\d{3}\\)\\s?|[2-9]\\d{2}[.-])\\d{3}[-.]\\d{4}\\b");

    private static final Pattern CLOSING = Pattern.compile(
            "^\\s*(--|-- |(with )?(kind|best|warm|warmest|many thanks and|kindest)?\\s*regards,?|best,?|cheers,?|thanks,?|"
                    + "thank you,?|many thanks,?|sincerely,?|yours sincerely,?|yours faithfully,?|best wishes,?|"
                    + "mit freundlichen grüßen|mit freundlichen grüssen|mit freundlichem gruß|mit freundlichem gruss|"
                    + "freundliche grüße|freundliche grüsse|viele grüße|viele grüsse|beste grüße|beste grüsse|"
                    + "herzliche grüße|herzliche grüsse|liebe grüße|schöne grüße|sonnige grüße|gruß|grüße|gruss|"
                    + "mfg|lg|vg|cordialement|saluti|met vriendelijke groet)[,.!]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MOBILE_LABEL = Pattern.compile(
            "^(mobil(e|telefon|funk)?|handy|cell(phone)?|mob|m|c)\\s*(\\.|:|\\.:)?\\s*(?=[+(0-9])(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE_LABEL = Pattern.compile(
            "^(tel(efon|ephone)?|phone|fon|office|direct|direkt|durchwahl|zentrale|festnetz|ph|t|o|d|w|work)\\s*(\\.|:|\\.:)?\\s*(?=[+(0-9])(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FAX_LABEL = Pattern.compile("^(fax|telefax|f)\\s*(\\.|:|\\.:)?\\s*(?=[+(0-9]).*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEBSITE = Pattern.compile("(?i)\\b((https?://)?(www\\.)?[a-z0-9][a-z0-9-]*(\\.[a-z0-9-]+)*\\.[a-z]{2,}(/[^\\s|]*)?)");
    /** A website line: a labelled address ("Web: schmidt-it.de") or a bare lower-case domain on its own. */
    private static final Pattern WEB_LABEL = Pattern.compile("(?i)^(web|website|webseite|internet|homepage|url|w)\\s*:\\s*(\\S+)$");
    private static final Pattern BARE_DOMAIN = Pattern.compile("^[a-z0-9][a-z0-9-]*(\\.[a-z0-9-]+)*\\.[a-z]{2,12}(/\\S*)?$");
    /** A mail client's footer ("Sent with Sparrow", "Von meinem iPhone gesendet"): its link is the client's. */
    private static final Pattern CLIENT_FOOTER = Pattern.compile(
            "(?iu)^(sent|gesendet|envoyé|enviado|inviato|verzonden|von meinem|get outlook|download|diese nachricht wurde).*"
                    + "|.*\\b(sparrowmailapp|aka\\.ms|getoutlook|mailbird|readdle|bluemail|sparkmailapp|airmail|"
                    + "newtonhq|postbox-inc|emclient|mailchimp)\\b.*");
    private static final Pattern LEGAL_FORM = Pattern.compile(
            "(?i)(\\bg?gmbh\\b|\\bmbb\\b|\\bllp\\b|\\bco\\.$|\\bag\\b|\\bkg\\b|\\bohg\\b|\\bug\\b|\\be\\.\\s?k\\.|\\be\\.\\s?v\\.|\\bse\\b|\\bkgaa\\b|\\bmbh\\b|"
                    + "\\bltd\\b\\.?|\\blimited\\b|\\bllc\\b|\\binc\\b\\.?|\\bcorp\\b\\.?|\\bcorporation\\b|\\bplc\\b|\\bs\\.a\\.|"
                    + "\\bsas\\b|\\bsarl\\b|\\bs\\.r\\.l\\.|\\bb\\.v\\.|\\bn\\.v\\.|\\bgbr\\b|\\bpartg\\b|\\bpty\\b)");
    /** Legal forms that are also common words in lower case, so only as written: "Nordic Build AB". */
    private static final Pattern LEGAL_FORM_CASED = Pattern.compile("\\b(AB|AS|ASA|Oy|Oyj|SRL|SpA|S\\.p\\.A\\.|ApS|A/S)$");
    private static final Pattern JOB_TITLE = Pattern.compile(
            "(?iu)\\b(geschäftsführer(in)?|geschäftsführung|managing director|director|ceo|cfo|cto|coo|cio|cmo|founder|co-founder|"
                    + "gründer(in)?|inhaber(in)?|owner|president|vice president|vp|head of|leiter(in)?|leitung|manager(in)?|"
                    + "einkauf|einkäufer(in)?|purchasing|procurement|buyer|vertrieb|vertriebsleiter(in)?|sales|marketing|"
                    + "engineer|ingenieur(in)?|consultant|berater(in)?|prokurist(in)?|partner(in)?|assistant|assistenz|"
                    + "referent(in)?|sachbearbeiter(in)?|projektleiter(in)?|teamleiter(in)?|team lead|abteilungsleiter(in)?|"
                    + "specialist|officer|architect|developer|entwickler(in)?|vorstand|chairman|executive|koordinator(in)?|"
                    + "coordinator|analyst|key account|account manager|einkaufsleiter(in)?|it-leiter(in)?|cio|administrator|"
                    + "directeur|directrice|gérant(e)?|responsable|direttore|directora?|"
                    + "vorsitzende(r)?|\\p{L}+(leiter|leiterin|leitung|meister|meisterin|führer|führerin|referent|referentin|berater|beraterin|"
                    + "assistent|assistentin|ingenieur|ingenieurin|manager|managerin))\\b");
    private static final Pattern POSTAL_CITY = Pattern.compile("^(?:(?:D|A|CH|DE|AT)[- ])?(\\d{4,5})\\s+(\\p{L}[\\p{L} .'/()-]{1,60})$");
    private static final Pattern UK_POSTCODE = Pattern.compile("^(\\p{L}[\\p{L} .'-]{1,60}?),?\\s+([A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2})$");
    private static final Pattern US_CITY = Pattern.compile("^(\\p{L}[\\p{L} .'-]{1,60}),\\s*([A-Z]{2})\\s+(\\d{5}(?:-\\d{4})?)$");
    private static final String ENGLISH_STREET = "(?i).*\\b(street|st\\.?|road|rd\\.?|avenue|ave\\.?|lane|drive|way|boulevard|blvd\\.?|square|place)$";
    /** A street line: "Industriestraße 12a", "221B Baker Street", "350 5th Avenue, Suite 400". */
    private static final Pattern STREET = Pattern.compile(
            "^(\\p{L}[\\p{L} .'-]{1,80}?\\s*\\d{1,4}\\s?[a-zA-Z]?(?:\\s?[-/]\\s?\\d{1,4}[a-zA-Z]?)?"
                    + "|\\d{1,6}[A-Za-z]?\\s+(?=[\\p{L}\\d .'-]*\\p{L})[\\p{L}\\d][\\p{L}\\d .'-]{1,80})"
                    + "(?:,?\\s+(?:suite|ste\\.?|floor|fl\\.?|unit|room|apt\\.?|#)\\s*[\\w-]+)?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A US address on one line: "1200 Market Street, Suite 400, San Francisco, CA 94103". */
    private static final Pattern US_ONE_LINE = Pattern.compile(
            "^(.{4,120}?),\\s*(\\p{L}[\\p{L} .'-]{1,60}),\\s*([A-Z]{2})\\s+(\\d{5}(?:-\\d{4})?)$");
    /** Two to six words, the first capitalised, no digits and no sentence: how an organisation's name looks. */
    private static final Pattern ORGANISATION = Pattern.compile("^\\p{Lu}[\\p{L}'’&.-]*(\\s+(&|[\\p{L}'’.-]+)){1,5}$");
    private static final Pattern PERSON_NAME = Pattern.compile(
            "^(?:(dr|prof|dipl\\.-ing|mag)\\.?\\s+)*(\\p{Lu}[\\p{L}'’.-]*)(\\s+\\p{Lu}[\\p{L}'’.-]*){1,3}$");
    private static final Map<String, String> COUNTRIES = Map.ofEntries(
            Map.entry("germany", "DE"), Map.entry("deutschland", "DE"), Map.entry("austria", "AT"),
            Map.entry("österreich", "AT"), Map.entry("switzerland", "CH"), Map.entry("schweiz", "CH"),
            Map.entry("united kingdom", "GB"), Map.entry("uk", "GB"), Map.entry("england", "GB"),
            Map.entry("usa", "US"), Map.entry("united states", "US"), Map.entry("france", "FR"),
            Map.entry("frankreich", "FR"), Map.entry("netherlands", "NL"), Map.entry("niederlande", "NL"),
            Map.entry("italy", "IT"), Map.entry("italien", "IT"), Map.entry("spain", "ES"), Map.entry("spanien", "ES"),
            Map.entry("belgium", "BE"), Map.entry("belgien", "BE"), Map.entry("poland", "PL"), Map.entry("polen", "PL"),
            Map.entry("denmark", "DK"), Map.entry("dänemark", "DK"), Map.entry("sweden", "SE"), Map.entry("schweden", "SE"));

    /** One field found, and where. */
    record Found(String value, String from) {
    }

    Found name;
    Found jobTitle;
    Found company;
    Found phone;
    Found mobile;
    Found website;
    Found street;
    Found postalCode;
    Found city;
    Found country;

    private Signature() {
    }

    /** The signature lines of the author's own words; empty when there is none. */
    static List<String> lines(String ownWords) {
        List<String> lines = ownWords.lines().map(String::strip).toList();
        int closing = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (CLOSING.matcher(lines.get(i)).matches()) {
                closing = i;
            }
        }
        List<String> block;
        if (closing >= 0) {
            block = lines.subList(closing + 1, lines.size());
        } else {
            int lastBlank = -1;
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).isEmpty()) {
                    lastBlank = i;
                    break;
                }
            }
            block = lines.subList(lastBlank + 1, lines.size());
        }
        return block.stream().filter(l -> !l.isEmpty()).limit(25).toList();
    }

    static Signature read(List<String> lines, String region) {
        Signature s = new Signature();
        List<String> segments = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String seg : lines.get(i).split("\\s+[|•·]\\s+|\\t+|\\s{3,}|\\s+//\\s+")) {
                seg = seg.strip().replaceAll("^[|•·*_]+|[|•·*_]+$", "").strip();
                if (!seg.isEmpty()) {
                    segments.add(seg);
                    origins.add("signature line " + (i + 1) + ": \"" + MailReader.cut(lines.get(i), 120) + "\"");
                }
            }
        }
        // The address's country decides how national phone numbers are read, so it is looked for first.
        for (String seg : segments) {
            String c = COUNTRIES.get(seg.toLowerCase(Locale.ROOT).replace(".", ""));
            if (c == null && (US_CITY.matcher(seg).matches() || US_ONE_LINE.matcher(seg).matches())) {
                c = "US";
            }
            if (c != null) {
                region = c;
                break;
            }
        }
        Found unnamed = null;
        for (int i = 0; i < segments.size(); i++) {
            String seg = segments.get(i);
            String from = origins.get(i);
            Matcher m;
            if (FAX_LABEL.matcher(seg).matches()) {
                continue;
            }
            if ((m = MOBILE_LABEL.matcher(seg)).matches()) {
                String n = phone(m.group(m.groupCount()), region);
                if (n != null && s.mobile == null) {
                    s.mobile = new Found(n, from);
                }
                continue;
            }
            if ((m = PHONE_LABEL.matcher(seg)).matches()) {
                String n = phone(m.group(m.groupCount()), region);
                if (n != null && s.phone == null) {
                    s.phone = new Found(n, from);
                }
                continue;
            }
            if (seg.contains("@")) {
                continue;
            }
            if (seg.matches("[+(0-9][0-9 ()/.+-]{5,30}")) {
                PhoneNumber n = parse(seg, NANP.matcher(seg).lookingAt() ? "US" : region);
                if (n != null) {
                    String e164 = PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
                    if (PHONES.getNumberType(n) == PhoneNumberUtil.PhoneNumberType.MOBILE && s.mobile == null) {
                        s.mobile = new Found(e164, from + " (a mobile number without label)");
                    } else if (s.phone == null) {
                        s.phone = new Found(e164, from + " (a number without label)");
                    }
                    continue;
                }
            }
            if (addressPart(s, seg, from, i > 0 ? segments.get(i - 1) : null, i > 0 ? origins.get(i - 1) : null)) {
                continue;
            }
            String country = COUNTRIES.get(seg.toLowerCase(Locale.ROOT).replace(".", ""));
            if (country != null) {
                s.country = new Found(country, from);
                continue;
            }
            if (CLIENT_FOOTER.matcher(seg).matches()) {
                continue;
            }
            String site = website(seg);
            if (site != null) {
                if (s.website == null) {
                    s.website = new Found(site, from);
                }
                continue;
            }
            // "Founder, Thameside Events", "CTO, FjordTech AS": the title and the company on one line.
            int comma = seg.indexOf(", ");
            if (comma > 0 && s.jobTitle == null && s.company == null && isTitle(seg.substring(0, comma))
                    && !LEGAL_FORM.matcher(seg.substring(0, comma)).find()) {
                String rest = seg.substring(comma + 2).strip();
                if (LEGAL_FORM.matcher(rest).find() || LEGAL_FORM_CASED.matcher(rest).find() || ORGANISATION.matcher(rest).matches()) {
                    s.jobTitle = new Found(seg.substring(0, comma).strip(), from);
                    s.company = new Found(rest, from);
                    continue;
                }
            }
            if ((LEGAL_FORM.matcher(seg).find() || LEGAL_FORM_CASED.matcher(seg).find()) && s.company == null && seg.length() <= 200) {
                s.company = new Found(seg.replaceAll("[,;]\\s*$", ""), from);
                continue;
            }
            if (s.jobTitle == null && isTitle(seg)) {
                s.jobTitle = new Found(seg, from);
                continue;
            }
            if (s.name == null && i < 3 && PERSON_NAME.matcher(seg).matches()) {
                s.name = new Found(seg, from);
                continue;
            }
            if (i > 0 && i < 5 && unnamed == null && ORGANISATION.matcher(seg).matches()) {
                unnamed = new Found(seg, from + " (the line under the name)");
            }
        }
        // A company without legal form ("Harborview Dental Group") is the line under the name, but
        // only in a block that other signature lines show to be a signature.
        if (s.company == null && unnamed != null
                && (s.jobTitle != null || s.phone != null || s.mobile != null || s.website != null || s.city != null)) {
            s.company = unnamed;
        }
        return s;
    }

    /** A job title: a title word, at most 128 characters, no digits but an ordinal ("2. Vorsitzender"). */
    private static boolean isTitle(String seg) {
        return JOB_TITLE.matcher(seg).find() && seg.length() <= 128 && !seg.replaceFirst("^\\d{1,2}\\.\\s", "").matches(".*\\d.*");
    }

    /** The website a signature segment names, with https:// when it has no scheme; null when it names none. */
    static String website(String seg) {
        if (seg.length() >= 120) {
            return null;
        }
        String candidate = null;
        Matcher m;
        String lower = seg.toLowerCase(Locale.ROOT);
        if ((m = WEB_LABEL.matcher(seg.strip())).matches()) {
            candidate = m.group(2);
        } else if (BARE_DOMAIN.matcher(seg.strip()).matches() && !seg.contains("@")) {
            candidate = seg.strip();
        } else if ((lower.contains("www.") || lower.contains("http")) && (m = WEBSITE.matcher(seg)).find()) {
            candidate = m.group(1);
        }
        if (candidate == null) {
            return null;
        }
        candidate = candidate.replaceAll("^[<(\\[]+|[)\\]>.,;:!]+$", "");
        if ((m = WEBSITE.matcher(candidate)).lookingAt()) {
            candidate = m.group(1).replaceAll("[)\\]>.,;:!]+$", "");
        } else {
            return null;
        }
        String l = candidate.toLowerCase(Locale.ROOT);
        if (l.matches(".*(linkedin|xing|twitter|facebook|instagram|youtube|x\\.com|tiktok).*")) {
            return null;
        }
        return l.startsWith("http") ? candidate : "https://" + candidate;
    }

    private static boolean addressPart(Signature s, String seg, String from, String previous, String previousFrom) {
        String[] parts = seg.split(",\\s*");
        boolean found = false;
        Matcher m;
        if ((m = US_ONE_LINE.matcher(seg.strip())).matches() && STREET.matcher(m.group(1).strip()).matches()) {
            s.street = new Found(m.group(1).strip(), from);
            s.city = new Found(m.group(2).strip(), from);
            s.postalCode = new Found(m.group(4), from);
            s.country = s.country != null ? s.country : new Found("US", from + " (a US state and ZIP code)");
            return true;
        }
        if ((m = US_CITY.matcher(seg.strip())).matches()) {
            s.city = new Found(m.group(1).strip(), from);
            s.postalCode = new Found(m.group(3), from);
            s.country = s.country != null ? s.country : new Found("US", from + " (a US state and ZIP code)");
            found = true;
        } else {
            for (String part : parts) {
                if ((m = POSTAL_CITY.matcher(part.strip())).matches() && !m.group(2).strip().matches(ENGLISH_STREET)) {
                    s.postalCode = new Found(m.group(1), from);
                    s.city = new Found(m.group(2).strip(), from);
                    found = true;
                    break;
                }
                if ((m = UK_POSTCODE.matcher(part.strip())).matches()) {
                    s.city = new Found(m.group(1).strip(), from);
                    s.postalCode = new Found(m.group(2), from);
                    found = true;
                    break;
                }
            }
        }
        if (!found) {
            return false;
        }
        // The street is on the same line before the comma, or on the line before.
        if (parts.length > 1 && STREET.matcher(parts[0].strip()).matches() && !POSTAL_CITY.matcher(parts[0].strip()).matches()) {
            s.street = new Found(parts[0].strip(), from);
        } else if (previous != null && STREET.matcher(previous).matches() && s.street == null) {
            s.street = new Found(previous, previousFrom);
        }
        return true;
    }

    private static PhoneNumber parse(String text, String region) {
        Iterator<PhoneNumberMatch> it = PHONES.findNumbers(text, region, PhoneNumberUtil.Leniency.POSSIBLE, 10).iterator();
        if (!it.hasNext()) {
            return null;
        }
        PhoneNumber n = it.next().number();
        return String.valueOf(n.getNationalNumber()).length() >= 5 ? n : null;
    }

    /** The first phone number in the text, in E.164; null when there is none. */
    static String phone(String text, String region) {
        // "(614) 555-0182" is how North America writes a number; no other numbering plan looks like it.
        if (NANP.matcher(text.strip()).lookingAt()) {
            region = "US";
        }
        PhoneNumber n = parse(text.replaceAll("\\(0\\)", ""), region);
        return n == null ? null : PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** The region of an E.164 number, e.g. DE for +49; null when unknown. */
    static String regionOf(String e164) {
        try {
            String r = PHONES.getRegionCodeForNumber(PHONES.parse(e164, "ZZ"));
            return r == null || r.equals("ZZ") || r.equals("001") ? null : r;
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return null;
        }
    }
}
