package dev.tessera.engine.points;

/** Longitude/latitude ↔ Web Mercator in [0, 1]², exactly as supercluster projects (so clusters match it). */
final class Mercator {
  private Mercator() {}

  static double x(double lon) {
    return lon / 360 + 0.5;
  }

  static double y(double lat) {
    double sin = Math.sin(lat * Math.PI / 180);
    double y = 0.5 - 0.25 * Math.log((1 + sin) / (1 - sin)) / Math.PI;
    return y < 0 ? 0 : y > 1 ? 1 : y;
  }

  static double lon(double x) {
    return (x - 0.5) * 360;
  }

  static double lat(double y) {
    double y2 = (180 - y * 360) * Math.PI / 180;
    return 360 * Math.atan(Math.exp(y2)) / Math.PI - 90;
  }
}
