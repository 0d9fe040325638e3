package org.canopy.web;

/** The record does not exist in the signed-in person's partnership (or at all: the two look the same). */
public class NotFound extends RuntimeException {

    /** Names what was not found. */
    public NotFound(String what) {
        super(what + " was not found");
    }
}
