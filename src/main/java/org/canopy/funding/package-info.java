/**
 * The shared budget: each agency's agreed and received contribution per financial year, contributions in kind, outgoings
 * by line, the balance carried forward, each statutory partner's share against a chosen basis, and the lead partners'
 * sign-off; published as the funding statement.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funding",
        allowedDependencies = {"governance", "partnership", "privacy", "reporting", "web"})
package org.canopy.funding;
