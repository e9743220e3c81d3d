package dev.tessera.server.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API tokens by hash. Implementations are thread-safe. */
public interface ApiTokenRepository {

  void insert(ApiToken token, String tokenHash);

  /** The user a token hash belongs to. */
  Optional<UUID> findUserByHash(String tokenHash);

  List<ApiToken> findByUser(UUID userId);

  boolean delete(UUID userId, UUID tokenId);
}
