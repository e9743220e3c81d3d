package dev.tessera.server.outbound;

import dev.tessera.server.config.TesseraProperties;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether Tessera may make a request to a URL a layer names (archives read over HTTP, and later the WMS/WMTS
 * proxy and COGs), against server-side request forgery: every address the host resolves to must be public, or lie in
 * one of the networks allowed by {@code OUTBOUND_ALLOWED_NETWORKS}
 * (or the host be named there). Refused: loopback, private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), link-local (169.254/16 with the cloud metadata address, fe80::/10), carrier-grade NAT
 * (100.64/10), unspecified and multicast addresses.
 *
 * <p>The check resolves the name itself; the HTTP client resolves it again, so a DNS answer that changes in between
 * (rebinding) is not caught. Clients must not follow redirects, or the target would escape the check. Thread-safe.
 */
@Component
public class OutboundPolicy {
  /** A DNS name with at least one letter (so not an IPv4 literal). */
  private static final java.util.regex.Pattern HOST_NAME = java.util.regex.Pattern.compile(
      "(?i)(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
  private final List<Cidr> allowed;
  private final java.util.Set<String> allowedHosts;

  @Autowired
  public OutboundPolicy(TesseraProperties properties) {
    this(properties.outbound().allowedNetworks());
  }

  /**
   * A policy allowing these comma-separated CIDR blocks and host names besides the public internet. A host name
   * (such as {@code minio.internal}) is allowed whatever it resolves to: the operator vouches for it.
   */
  public OutboundPolicy(String allowedNetworks) {
    List<Cidr> blocks = new ArrayList<>();
    java.util.Set<String> hosts = new java.util.HashSet<>();
    if (allowedNetworks != null) {
      for (String part : allowedNetworks.split(",")) {
        String entry = part.strip();
        if (entry.isEmpty()) {
          continue;
        }
        if (HOST_NAME.matcher(entry).matches() && !entry.matches("(?i)[0-9a-f:.]+")) {
          hosts.add(entry.toLowerCase(java.util.Locale.ROOT));
        } else {
          blocks.add(Cidr.parse(entry));
        }
      }
    }
    this.allowed = List.copyOf(blocks);
    this.allowedHosts = java.util.Set.copyOf(hosts);
  }

  /** Returns if Tessera may connect to {@code uri}'s host; throws {@link OutboundNotAllowedException} otherwise. */
  public void check(URI uri) {
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new OutboundNotAllowedException(uri, "the URL names no host");
    }
    if (allowedHosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException e) {
      throw new OutboundNotAllowedException(uri, "the host '" + host + "' does not resolve");
    }
    for (InetAddress address : addresses) {
      if (isInternal(address) && allowed.stream().noneMatch(c -> c.contains(address))) {
        throw new OutboundNotAllowedException(
            uri,
            "'" + host + "' resolves to " + address.getHostAddress()
                + ", an internal address; allow its network in OUTBOUND_ALLOWED_NETWORKS to reach it");
      }
    }
  }

  static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xFF;
      int second = b[1] & 0xFF;
      return first == 0 || (first == 100 && (second & 0xC0) == 64) || first >= 240;
    }
    if (address instanceof Inet6Address) {
      return (b[0] & 0xFE) == 0xFC; // unique local fc00::/7 (isSiteLocalAddress only knows the old fec0::/10)
    }
    return false;
  }
}
