package org.canopy.web;

/** Someone else changed or created the record first; the second writer is told and keeps their text. */
public class EditConflict extends RuntimeException {

    /** A conflict explained in words a person can act on. */
    public EditConflict(String message) {
        super(message);
    }
}
