package org.canopy.voice.tell;

/** The sender's address is over {@link SendingLimit}'s limits: nothing was stored. The page and the API answer 429. */
class TooManyMessages extends RuntimeException {

    TooManyMessages() {
        super("Too many messages from one place in a short time");
    }
}
