package org.canopy.partnership;

import java.util.List;

/**
 * What a module adds to every page: its entry in the service navigation (label, address, the paths that
 * mark it as the current section) and the paths of its that need no sign-in. Each module declares one as
 * a bean, so the partnership module neither lists other modules' pages nor their security rules.
 *
 * @param order where the entry stands in the navigation, lowest first
 * @param label the entry's words, or null for a module with no entry of its own
 * @param href where the entry leads
 * @param activeFor path prefixes that make the entry the current one
 * @param administratorsOnly whether only the partnership administrator sees the entry
 * @param openPaths path patterns anyone may reach without signing in, for any method
 * @param openForReading path patterns anyone may read (GET) without signing in
 * @param keptPages path patterns of pages built only from the partnership's data and who is looking: rendered once
 *        per change of the data version and kept (see {@code partnership.versions.KeptPages})
 * @param anonymousForms path patterns of forms for people without an account, sent without a CSRF token: they act for
 *        nobody's account, so a forged request gains nothing, and a child whose session ended loses no message
 */
public record ServicePages(int order, String label, String href, List<String> activeFor, boolean administratorsOnly,
        List<String> openPaths, List<String> openForReading, List<String> keptPages, List<String> anonymousForms) {

    /** A navigation entry with nothing open to everyone. */
    public static ServicePages entry(int order, String label, String href, String... activeFor) {
        return new ServicePages(order, label, href, List.of(activeFor), false, List.of(), List.of(), List.of(), List.of());
    }

    /** The same entry, with paths anyone may reach without signing in. */
    public ServicePages open(String... paths) {
        return new ServicePages(order, label, href, activeFor, administratorsOnly, List.of(paths), openForReading, keptPages, anonymousForms);
    }

    /** The same entry, with paths anyone may read (GET) without signing in. */
    public ServicePages openForReading(String... paths) {
        return new ServicePages(order, label, href, activeFor, administratorsOnly, openPaths, List.of(paths), keptPages, anonymousForms);
    }

    /**
     * The same entry, with pages rendered once per change and kept: only pages whose content depends on nothing but
     * the partnership's stored data, the person looking, the address and the date (no session state, no clock finer
     * than a day).
     */
    public ServicePages keeping(String... paths) {
        return new ServicePages(order, label, href, activeFor, administratorsOnly, openPaths, openForReading, List.of(paths), anonymousForms);
    }

    /**
     * The same entry, with forms anyone may send without an account and without a CSRF token (they must also be open
     * paths): only forms that act for no account and hold no session state.
     */
    public ServicePages anonymousForms(String... paths) {
        return new ServicePages(order, label, href, activeFor, administratorsOnly, openPaths, openForReading, keptPages, List.of(paths));
    }
}
