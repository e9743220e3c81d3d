package dev.tessera.server.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A local account as Spring Security's HTTP Basic sees it, carrying the {@link Caller} it stands for. */
class LocalAccount extends User {
  private final Caller caller;

  LocalAccount(String email, String passwordHash, Caller caller) {
    super(
        email,
        passwordHash,
        caller.admin() ? List.of(new SimpleGrantedAuthority("ROLE_ADMIN")) : List.of());
    this.caller = caller;
  }

  Caller caller() {
    return caller;
  }
}
