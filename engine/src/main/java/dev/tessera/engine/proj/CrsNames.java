package dev.tessera.engine.proj;

import java.util.Locale;

/** Turns the CRS spellings found in GeoJSON and OGC APIs into an EPSG code. */
final class CrsNames {
  private static final int MAX_CODE_DIGITS = 9;

  private CrsNames() {}

  /** The EPSG code named by {@code name}; CRS84 maps to 4326 because Tessera always reads x as longitude. */
  static int epsgCode(String name) {
    String s = name.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("epsg:")) {
      return code(name, s.substring("epsg:".length()));
    }
    if (s.equals("crs84")) {
      return Crs.WGS84_CODE;
    }
    if (s.startsWith("urn:ogc:def:crs:")) {
      return fromParts(name, s.substring("urn:ogc:def:crs:".length()).split(":", -1));
    }
    if (s.startsWith("urn:x-ogc:def:crs:")) {
      return fromParts(name, s.substring("urn:x-ogc:def:crs:".length()).split(":", -1));
    }
    for (String prefix : new String[] {"http://www.opengis.net/def/crs/", "https://www.opengis.net/def/crs/"}) {
      if (s.startsWith(prefix)) {
        return fromParts(name, s.substring(prefix.length()).split("/", -1));
      }
    }
    throw unknown(name);
  }

  /** {@code authority, version, code}; the version is ignored (it may be empty in URNs). */
  private static int fromParts(String name, String[] parts) {
    if (parts.length != 3) {
      throw unknown(name);
    }
    if (parts[0].equals("epsg")) {
      return code(name, parts[2]);
    }
    if (parts[0].equals("ogc") && parts[2].equals("crs84")) {
      return Crs.WGS84_CODE;
    }
    throw unknown(name);
  }

  private static int code(String name, String digits) {
    if (digits.isEmpty() || digits.length() > MAX_CODE_DIGITS) {
      throw unknown(name);
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw unknown(name);
      }
    }
    int code = Integer.parseInt(digits);
    if (code == 0) {
      throw unknown(name);
    }
    return code;
  }

  private static UnknownCrsException unknown(String name) {
    return new UnknownCrsException(name, "Unknown coordinate reference system '" + name + "'");
  }
}
