package org.leadline.server.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recognises the column headers of the lead exports an import is likely to meet: our own export,
 * Salesforce's lead export and Dynamics 365's lead export. Headers are compared without case,
 * spaces and punctuation, so "Zip/Postal Code" and "ZIP/Postal Code" are the same column.
 */
final class HeaderNames {

    /** Columns of our export the server owns: recognised, and deliberately not imported. */
    static final Set<String> EXPORT_ONLY = Set.of("id", "status", "rating", "score", "stage", "ownerid",
            "createdat", "createdby", "updatedat", "updatedby", "version");

    private static final Map<String, LeadColumn> ALIASES = new HashMap<>();
    private static final Set<String> VENDOR_IGNORED = Set.of(
            // Salesforce: the status and rating are the other system's workflow, not ours.
            "leadstatus", "rating", "leadowner", "leadid", "createddate", "lastmodifieddate",
            // Dynamics 365
            "statusreason", "owner", "createdon", "modifiedon");

    static {
        for (LeadColumn c : LeadColumn.values()) {
            ALIASES.put(normalize(c.header()), c);
        }
        // Salesforce lead export
        alias(LeadColumn.SALUTATION, "Salutation");
        alias(LeadColumn.FIRST_NAME, "First Name");
        alias(LeadColumn.LAST_NAME, "Last Name");
        alias(LeadColumn.JOB_TITLE, "Title");
        alias(LeadColumn.COMPANY, "Company");
        alias(LeadColumn.EMAIL, "Email");
        alias(LeadColumn.BUSINESS_PHONE, "Phone");
        alias(LeadColumn.MOBILE_PHONE, "Mobile");
        alias(LeadColumn.STREET, "Street");
        alias(LeadColumn.CITY, "City");
        alias(LeadColumn.REGION, "State/Province");
        alias(LeadColumn.POSTAL_CODE, "Zip/Postal Code");
        alias(LeadColumn.COUNTRY, "Country");
        alias(LeadColumn.SOURCE, "Lead Source");
        alias(LeadColumn.INDUSTRY, "Industry");
        alias(LeadColumn.ANNUAL_REVENUE, "Annual Revenue");
        alias(LeadColumn.EMPLOYEES, "No. of Employees");
        alias(LeadColumn.DESCRIPTION, "Description");
        alias(LeadColumn.WEBSITE, "Website");
        // Dynamics 365 lead export
        alias(LeadColumn.JOB_TITLE, "Job Title");
        alias(LeadColumn.COMPANY, "Company Name");
        alias(LeadColumn.EMAIL, "E-mail");
        alias(LeadColumn.BUSINESS_PHONE, "Business Phone");
        alias(LeadColumn.MOBILE_PHONE, "Mobile Phone");
        alias(LeadColumn.STREET, "Street 1");
        alias(LeadColumn.POSTAL_CODE, "ZIP/Postal Code");
        alias(LeadColumn.COUNTRY, "Country/Region");
        alias(LeadColumn.TOPIC, "Topic");
        alias(LeadColumn.BUDGET, "Budget Amount");
        alias(LeadColumn.PURCHASE_TIMEFRAME, "Purchase Timeframe");
        alias(LeadColumn.EMPLOYEES, "Number of Employees");
        alias(LeadColumn.PURCHASE_PROCESS, "Purchase Process");
        alias(LeadColumn.NEED, "Need");
        alias(LeadColumn.DECISION_MAKER, "Decision Maker?");
    }

    private HeaderNames() {
    }

    private static void alias(LeadColumn column, String header) {
        ALIASES.put(normalize(header), column);
    }

    /** The lead field a header names, or null. */
    static LeadColumn column(String header) {
        return ALIASES.get(normalize(header));
    }

    /** Whether a header is known and deliberately not imported (server-owned or another system's workflow). */
    static boolean ignored(String header) {
        String key = normalize(header);
        return EXPORT_ONLY.contains(key) || VENDOR_IGNORED.contains(key);
    }

    static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String folded = Normalizer.normalize(header.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return folded.replaceAll("[^a-z0-9]", "");
    }
}
