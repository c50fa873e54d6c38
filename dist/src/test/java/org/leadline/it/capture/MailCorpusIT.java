package org.leadline.it.capture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.leadline.it.LeadlineServer;

/**
 * The labelled e-mail corpus through the real intake of the distribution: new lead, attached or
 * not a lead is answered right for at least 98 % of the messages, and every field a seller reads
 * off a mail (person, e-mail, company, job title, phones, website, address) is found with at least
 * 95 % precision and recall. The corpus and the server are deterministic, so the figures are too.
 */
class MailCorpusIT {

    @Test
    void theLabelledCorpusIsTakenInWithinTheAccuracyTargets() {
        MailCorpus.Result result = MailCorpus.run(LeadlineServer.shared(), MailCorpus.corpus());
        assertTrue(result.messages() >= 80, "the corpus has " + result.messages() + " messages");
        String report = result.table() + "\n" + String.join("\n", result.misses());
        System.out.println(report);
        assertTrue(result.meetsTargets(), report);
    }
}
