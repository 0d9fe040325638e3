package org.canopy.demo.loading;

import org.canopy.data.DataDemo;
import org.canopy.demo.DemoLoaded;
import org.canopy.governance.GovernanceDemo;
import org.canopy.learning.LearningDemo;
import org.canopy.partnership.PartnershipDemo;
import org.canopy.plan.PlanDemo;
import org.canopy.scrutiny.ScrutinyDemo;
import org.canopy.voice.VoiceDemo;
import org.canopy.funding.FundingDemo;
import org.canopy.risk.RiskDemo;
import org.canopy.training.TrainingDemo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo partnership on the first start of an empty database, module by module in the order their
 * records depend on each other: groups lead the plan's priorities, indicators belong to priorities, reviews
 * are held by groups. As an ApplicationRunner it finishes before Spring Boot declares readiness, so a load
 * balancer sends no one to sign in before the demo accounts exist (OperationsTest).
 */
@Component
@ConditionalOnProperty(name = "canopy.demo.enabled", havingValue = "true")
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final PartnershipDemo partnership;
    private final GovernanceDemo governance;
    private final PlanDemo plan;
    private final DataDemo data;
    private final LearningDemo learning;
    private final ScrutinyDemo scrutiny;
    private final VoiceDemo voice;
    private final RiskDemo risk;
    private final FundingDemo funding;
    private final TrainingDemo training;
    private final ApplicationEventPublisher events;

    DemoLoader(PartnershipDemo partnership, GovernanceDemo governance, PlanDemo plan, DataDemo data, LearningDemo learning,
            ScrutinyDemo scrutiny, VoiceDemo voice, RiskDemo risk, FundingDemo funding, TrainingDemo training,
            ApplicationEventPublisher events) {
        this.partnership = partnership;
        this.governance = governance;
        this.plan = plan;
        this.data = data;
        this.learning = learning;
        this.scrutiny = scrutiny;
        this.voice = voice;
        this.risk = risk;
        this.funding = funding;
        this.training = training;
        this.events = events;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var created = partnership.create();
        if (created.isEmpty()) {
            return;
        }
        long partnershipId = created.getAsLong();
        governance.load(partnershipId);
        plan.load(partnershipId);
        data.load(partnershipId);
        learning.load(partnershipId);
        scrutiny.load(partnershipId);
        voice.load(partnershipId);
        // The round cites the feedback, figures, reviews and scrutiny above; the feedback then bears on the priorities it chose.
        plan.setPriorities(partnershipId);
        voice.linkPriorities(partnershipId);
        // Risks bear on the priorities; training needs cite the action plan, feedback themes and priorities.
        risk.load(partnershipId);
        funding.load(partnershipId);
        training.load(partnershipId);
        events.publishEvent(new DemoLoaded(partnershipId));
        log.info("Demo mode: loaded the demo partnership (id {})", partnershipId);
    }
}
