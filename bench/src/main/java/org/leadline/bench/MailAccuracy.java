package org.leadline.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.leadline.it.LeadlineServer;
import org.leadline.it.capture.MailCorpus;

/**
 * Accuracy of e-mail intake on the labelled corpus (plugins/source-email/src/test/resources/corpus):
 * starts the distribution, takes every message in through {@code POST /intake} as a seller would
 * (after creating the leads the corpus says the tenant has), and prints precision and recall per
 * field and the outcome accuracy (new lead, attached, not a lead), with every message that missed.
 *
 * <p>{@code java -Dleadline.home=dist/target/leadline [-Dleadline.it.db=postgresql] -cp "$(cat bench/target/classpath.txt):bench/target/classes" org.leadline.bench.MailAccuracy [corpus folder]}
 */
public final class MailAccuracy {

    private MailAccuracy() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = args.length > 0 ? Path.of(args[0]) : MailCorpus.corpus();
        Path work = Files.createTempDirectory("leadline-mail-accuracy-");
        LeadlineServer server = LeadlineServer.start(work, java.util.Map.of());
        try {
            MailCorpus.Result result = MailCorpus.run(server, corpus);
            System.out.println(result.table());
            if (!result.misses().isEmpty()) {
                System.out.println("Misses:");
                result.misses().forEach(m -> System.out.println("  " + m));
            }
            System.out.println(result.meetsTargets() ? "Targets met (outcome >= 98 %, each field >= 95 %)"
                    : "Targets NOT met (outcome >= 98 %, each field >= 95 %)");
        } finally {
            // its folder and, on PostgreSQL, its database
            server.discard();
        }
    }
}
