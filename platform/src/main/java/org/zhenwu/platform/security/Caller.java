package org.zhenwu.platform.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.zhenwu.platform.web.ForbiddenException;

/**
 * Who is calling, from the JWT's claims.
 *
 * @param jurisdiction a town code, or {@link #DISTRICT} for district roles that see all towns
 * @param clearance    the highest 密级 the caller may read
 */
public record Caller(String subject, String name, Set<String> roles, String jurisdiction, String department,
                     Clearance clearance) {
    public static final String DISTRICT = "DISTRICT";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        for (String r : candidates) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public boolean isDistrict() {
        return DISTRICT.equals(jurisdiction);
    }

    /** Throws 403 unless the caller holds one of the roles. */
    public Caller requireAnyRole(String... candidates) {
        if (!hasAnyRole(candidates)) {
            throw new ForbiddenException("This action needs one of the roles " + String.join(", ", candidates));
        }
        return this;
    }

    /** The caller of the current request. */
    public static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            return fromJwt(token.getToken());
        }
        throw new ForbiddenException("No authenticated caller");
    }

    public static Caller fromJwt(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        String jurisdiction = jwt.getClaimAsString("jurisdiction");
        return new Caller(jwt.getSubject(),
                jwt.getClaimAsString("name") == null ? jwt.getSubject() : jwt.getClaimAsString("name"),
                roles == null ? Set.of() : Set.copyOf(roles),
                jurisdiction == null ? "" : jurisdiction,
                jwt.getClaimAsString("department"),
                Clearance.parse(jwt.getClaimAsString("clearance")));
    }
}
