package org.leadline.plugins.process;

import java.util.List;

import org.leadline.plugin.api.process.ProcessDefinition;
import org.leadline.plugin.api.process.StageDefinition;
import org.pf4j.Extension;

/**
 * The seed's sales process. Qualify needs the person, the company and the qualification criteria
 * (budget, need, timeframe, authority); Develop needs the buying centre (stakeholders) and the
 * competition; Propose needs the offer to have been made; Close is where the lead is qualified or
 * disqualified.
 */
@Extension
public class SalesProcess implements ProcessDefinition {

    public static final String OFFER_MADE = "An offer was sent to the lead";

    @Override
    public String id() {
        return "sales";
    }

    @Override
    public String description() {
        return "Qualify, Develop, Propose, Close";
    }

    @Override
    public List<StageDefinition> stages() {
        return List.of(
                new StageDefinition("qualify", "Qualify",
                        List.of("Capture the contact person and the company",
                                "Find out budget, need, purchase timeframe and who decides"),
                        List.of("person.lastName", "person.email", "company.name", "qualification.budget",
                                "qualification.need", "qualification.purchaseTimeframe", "qualification.decisionMaker"),
                        List.of("The need was confirmed with the lead")),
                new StageDefinition("develop", "Develop",
                        List.of("Record the stakeholders of the buying decision", "Record the competitors in the deal"),
                        List.of("stakeholders", "competitors"),
                        List.of()),
                new StageDefinition("propose", "Propose",
                        List.of("Prepare and send the offer"),
                        List.of(),
                        List.of(OFFER_MADE)),
                new StageDefinition("close", "Close",
                        List.of("Qualify the lead into an opportunity, or disqualify it with a reason"),
                        List.of(),
                        List.of()));
    }
}
