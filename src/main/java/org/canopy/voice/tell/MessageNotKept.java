package org.canopy.voice.tell;

/**
 * Storing a child's message failed on Canopy's side: nothing was kept, and the child is told so, with the help numbers
 * first, and asked to try again. It carries no words and no cause, so that nothing that logs it can repeat the message.
 */
class MessageNotKept extends RuntimeException {

    MessageNotKept() {
        super("A message from the tell us page could not be stored", null, false, false);
    }
}
