package dev.tessera.engine.points;

/** Box tests in degrees that treat west > east as crossing the antimeridian, as {@link ClusterIndex#query} does. */
final class Boxes {
  private Boxes() {}

  static boolean contains(double west, double south, double east, double north, double lon, double lat) {
    if (lat < south || lat > north) {
      return false;
    }
    if (east - west >= 360) {
      return true;
    }
    double w = ((west + 180) % 360 + 360) % 360 - 180;
    double e = east == 180 ? 180 : ((east + 180) % 360 + 360) % 360 - 180;
    return w <= e ? lon >= w && lon <= e : lon >= w || lon <= e;
  }
}
