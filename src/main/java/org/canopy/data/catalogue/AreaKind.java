package org.canopy.data.catalogue;

/** The kind of area a figure is for. */
public enum AreaKind {
    LOCAL_AUTHORITY, REGION, COUNTRY
}
