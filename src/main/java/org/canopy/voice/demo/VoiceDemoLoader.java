package org.canopy.voice.demo;

import org.canopy.voice.VoiceDemo;
import org.springframework.stereotype.Component;

/** Loads the voice module's demo records: filled in by the voice features (issue 12). */
@Component
class VoiceDemoLoader implements VoiceDemo {

    @Override
    public void load(long partnershipId) {
    }

    @Override
    public void linkPriorities(long partnershipId) {
    }
}
