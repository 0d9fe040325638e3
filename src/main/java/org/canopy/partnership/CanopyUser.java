package org.canopy.partnership;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person: who they are, their partnership (tenant), role and agency. */
public final class CanopyUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final long partnershipId;
    private final String username;
    private final String displayName;
    private final Role role;
    private final Long agencyId;
    private final String agencyName;
    private final boolean enabled;
    private final boolean locked;
    private String passwordHash;

    /** Creates the principal; {@code passwordHash} is erased once sign-in completes. */
    public CanopyUser(long id, long partnershipId, String username, String displayName, Role role,
            Long agencyId, String agencyName, boolean enabled, boolean locked, String passwordHash) {
        this.id = id;
        this.partnershipId = partnershipId;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.agencyId = agencyId;
        this.agencyName = agencyName;
        this.enabled = enabled;
        this.locked = locked;
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public long partnershipId() {
        return partnershipId;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public Long agencyId() {
        return agencyId;
    }

    public String agencyName() {
        return agencyName;
    }

    /** True for the partnership administrator, who may do everything within their partnership. */
    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CanopyUser that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return username;
    }
}
