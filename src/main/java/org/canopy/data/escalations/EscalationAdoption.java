package org.canopy.data.escalations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * At start-up, keeps among governance's escalations to the executive the figures' escalations made before governance
 * kept them, once each: a row already adopted is skipped, and governance's unique source reference stops two nodes
 * adopting the same row (the loser's transaction rolls back and the next start finds the winner's).
 */
@Component
class EscalationAdoption implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EscalationAdoption.class);

    private final Escalations escalations;

    EscalationAdoption(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void run(ApplicationArguments args) {
        adoptAll();
    }

    /** Adopts every row not adopted yet, each in its own transaction; the number adopted. */
    int adoptAll() {
        int adopted = 0;
        for (long[] row : escalations.notAdopted()) {
            try {
                if (escalations.adopt(row[0], row[1]).isPresent()) {
                    adopted++;
                }
            } catch (DataIntegrityViolationException racing) {
                log.info("Escalation {} was adopted by another node meanwhile", row[1]);
            }
        }
        return adopted;
    }
}
