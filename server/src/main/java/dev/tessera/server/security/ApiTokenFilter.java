package dev.tessera.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api token>} or, when OIDC is configured, {@code Bearer <JWT>} from the
 * identity provider ({@link OidcTokens}). A token that is present but invalid is refused with 401 rather than
 * treated as anonymous, so a client learns at once that its token is wrong.
 */
class ApiTokenFilter extends OncePerRequestFilter {
  private static final String BEARER = "Bearer ";

  private final IdentityService identity;
  private final OidcTokens oidc;
  private final AuthenticationEntryPoint entryPoint;

  ApiTokenFilter(IdentityService identity, OidcTokens oidc, AuthenticationEntryPoint entryPoint) {
    this.identity = identity;
    this.oidc = oidc;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      chain.doFilter(request, response);
      return;
    }
    String secret = header.substring(BEARER.length()).trim();
    var caller =
        oidc.enabled() && OidcTokens.looksLikeJwt(secret) ? oidc.callerFor(secret) : identity.callerForToken(secret);
    if (caller.isEmpty()) {
      SecurityContextHolder.clearContext();
      entryPoint.commence(request, response, new BadCredentialsException("The bearer token is not valid."));
      return;
    }
    var authorities = caller.get().admin() ? List.of(new SimpleGrantedAuthority("ROLE_ADMIN")) : List.<SimpleGrantedAuthority>of();
    var authentication = UsernamePasswordAuthenticationToken.authenticated(caller.get(), null, authorities);
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
