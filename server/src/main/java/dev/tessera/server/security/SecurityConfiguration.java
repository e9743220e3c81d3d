package dev.tessera.server.security;

import dev.tessera.server.config.TesseraProperties;
import dev.tessera.server.user.UserRepository;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.ObjectMapper;

/**
 * Stateless API security: API tokens or OIDC JWTs (Bearer) or HTTP Basic with a local account; no sessions, so no CSRF. Reads
 * pass the filter chain anonymously and are decided per resource by {@link AccessPolicy} (404 when hidden); every
 * write needs a signed-in user.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService localAccounts(UserRepository users, IdentityService identity) {
    return email -> {
      var user = users.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown account"));
      String hash = users.passwordHash(user.id()).orElseThrow(() -> new UsernameNotFoundException("no password"));
      return new LocalAccount(user.email(), hash, identity.callerFor(user.id()));
    };
  }

  /** Only when serving: the CLI runs the same context without a web server. */
  @Bean
  @ConditionalOnWebApplication
  SecurityFilterChain api(
      HttpSecurity http, IdentityService identity, OidcTokens oidc, ObjectMapper json, TesseraProperties properties)
      throws Exception {
    var entryPoint = new ProblemAuthenticationEntryPoint(json);
    http.cors(cors -> cors.configurationSource(corsSource(properties)))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
        .addFilterBefore(new ApiTokenFilter(identity, oidc, entryPoint), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(HttpMethod.GET, "/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, "/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.OPTIONS, "/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/auth/login")
                    .permitAll()
                    // Authenticated by its Svix signature, not by a user.
                    .requestMatchers(HttpMethod.POST, "/api/webhooks/users")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated());
    return http.build();
  }

  /**
   * CORS for browsers on other origins ({@code ALLOWED_ORIGINS}): reads and writes with a bearer token; the headers
   * clients need for caching, paging and optimistic concurrency are exposed.
   */
  static CorsConfigurationSource corsSource(TesseraProperties properties) {
    CorsConfiguration cors = new CorsConfiguration();
    for (String origin : properties.cors().allowedOrigins().split(",")) {
      if (!origin.isBlank()) {
        cors.addAllowedOriginPattern(origin.trim());
      }
    }
    cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
    // Range and the range headers: browsers read COGs of delivery: direct layers by range (GET /api/layers/{id}/cog)
    cors.setAllowedHeaders(List.of(
        "Authorization", "Content-Type", "If-Match", "If-None-Match", "Accept-Encoding", "Last-Event-ID", "Range"));
    cors.setExposedHeaders(
        List.of("ETag", "Location", "Link", "Content-Disposition", "Content-Range", "Accept-Ranges", "Content-Length"));
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return source;
  }
}
