package org.canopy.voice.demo;

import org.canopy.voice.VoiceDemo;
import org.canopy.voice.engagement.DemoEngagement;
import org.canopy.voice.feedback.DemoFeedback;
import org.springframework.stereotype.Component;

/** Loads the voice module's demo records: the engagement groups first, as feedback and visits name them. */
@Component
class VoiceDemoLoader implements VoiceDemo {

    private final DemoEngagement engagement;
    private final DemoFeedback feedback;

    VoiceDemoLoader(DemoEngagement engagement, DemoFeedback feedback) {
        this.engagement = engagement;
        this.feedback = feedback;
    }

    @Override
    public void load(long partnershipId) {
        engagement.load(partnershipId);
        feedback.load(partnershipId);
    }

    @Override
    public void linkPriorities(long partnershipId) {
        feedback.linkPriorities(partnershipId);
    }
}
