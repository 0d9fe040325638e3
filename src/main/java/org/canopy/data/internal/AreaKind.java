package org.canopy.data.internal;

/** The kind of area a figure is for. */
enum AreaKind {
    LOCAL_AUTHORITY, REGION, COUNTRY
}
