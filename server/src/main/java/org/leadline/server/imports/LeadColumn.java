package org.leadline.server.imports;

/**
 * A lead field a CSV column can fill. {@link #header()} is the column name of the lead export
 * (our own format); {@link #path()} is where the value goes in the lead's JSON document, so an
 * imported row passes exactly the validation of the lead API.
 */
public enum LeadColumn {
    SALUTATION("salutation", "person.salutation", Kind.TEXT),
    FIRST_NAME("firstName", "person.firstName", Kind.TEXT),
    LAST_NAME("lastName", "person.lastName", Kind.TEXT),
    JOB_TITLE("jobTitle", "person.jobTitle", Kind.TEXT),
    EMAIL("email", "person.email", Kind.TEXT),
    BUSINESS_PHONE("businessPhone", "person.businessPhone", Kind.TEXT),
    MOBILE_PHONE("mobilePhone", "person.mobilePhone", Kind.TEXT),
    PREFERRED_CONTACT("preferredContactMethod", "person.preferredContactMethod", Kind.ENUM),
    LANGUAGE("language", "person.language", Kind.TEXT),
    COMPANY("companyName", "company.name", Kind.TEXT),
    WEBSITE("website", "company.website", Kind.TEXT),
    INDUSTRY("industry", "company.industry", Kind.TEXT),
    EMPLOYEES("employees", "company.employees", Kind.INTEGER),
    ANNUAL_REVENUE("annualRevenue", "company.annualRevenue.amount", Kind.AMOUNT),
    ANNUAL_REVENUE_CURRENCY("annualRevenueCurrency", "company.annualRevenue.currency", Kind.TEXT),
    STREET("street", "company.address.street", Kind.TEXT),
    POSTAL_CODE("postalCode", "company.address.postalCode", Kind.TEXT),
    CITY("city", "company.address.city", Kind.TEXT),
    REGION("region", "company.address.region", Kind.TEXT),
    COUNTRY("country", "company.address.country", Kind.COUNTRY),
    SOURCE("source", "origin.source", Kind.SOURCE),
    SOURCE_DETAIL("sourceDetail", "origin.detail", Kind.TEXT),
    BUDGET("budget", "qualification.budget.amount", Kind.AMOUNT),
    BUDGET_CURRENCY("budgetCurrency", "qualification.budget.currency", Kind.TEXT),
    NEED("need", "qualification.need", Kind.TEXT),
    PURCHASE_TIMEFRAME("purchaseTimeframe", "qualification.purchaseTimeframe", Kind.ENUM),
    DECISION_MAKER("decisionMaker", "qualification.decisionMaker", Kind.BOOLEAN),
    DECISION_MAKER_NAME("decisionMakerName", "qualification.decisionMakerName", Kind.TEXT),
    PURCHASE_PROCESS("purchaseProcess", "qualification.purchaseProcess", Kind.ENUM),
    PURCHASE_PROCESS_NOTES("purchaseProcessNotes", "qualification.purchaseProcessNotes", Kind.TEXT),
    TOPIC("topic", "topic", Kind.TEXT),
    DESCRIPTION("description", "description", Kind.TEXT);

    /** How a cell's text becomes a JSON value. */
    enum Kind { TEXT, ENUM, INTEGER, AMOUNT, BOOLEAN, COUNTRY, SOURCE }

    private final String header;
    private final String path;
    private final Kind kind;

    LeadColumn(String header, String path, Kind kind) {
        this.header = header;
        this.path = path;
        this.kind = kind;
    }

    public String header() {
        return header;
    }

    public String path() {
        return path;
    }

    Kind kind() {
        return kind;
    }

    /** The column named {@code name} (our export header, case-insensitive), or null. */
    public static LeadColumn byHeader(String name) {
        String key = HeaderNames.normalize(name);
        for (LeadColumn c : values()) {
            if (HeaderNames.normalize(c.header).equals(key)) {
                return c;
            }
        }
        return null;
    }
}
